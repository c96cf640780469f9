package com.peaktrade.obs.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.peaktrade.obs.exporter.ShadowMvsModel.LatencyProfile;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShadowMvsModelTest {

    @Test
    void everyContractLabelValueHasARate() {
        assertThat(ShadowMvsModel.STAGE_RATES.keySet()).containsExactlyElementsOf(ShadowMvsContract.STAGES);
        assertThat(ShadowMvsModel.RISK_BLOCK_RATES.keySet()).containsExactlyElementsOf(ShadowMvsContract.REASONS);
        assertThat(ShadowMvsModel.FEED_GAP_RATES.keySet()).containsExactlyElementsOf(ShadowMvsContract.FEEDS);
        assertThat(ShadowMvsModel.LATENCY.keySet()).containsExactlyElementsOf(ShadowMvsContract.EDGES);
    }

    @Test
    void stageRatesFollowThePipelineAndErrorsAndRiskBlocksAreSmallButNonZero() {
        var r = ShadowMvsModel.STAGE_RATES;
        assertThat(List.of(r.get("signal"), r.get("intent"), r.get("submit"), r.get("ack"), r.get("fill")))
                .isSortedAccordingTo((a, b) -> Double.compare(b, a)).doesNotHaveDuplicates();
        assertThat(r.get("error")).isPositive().isLessThan(0.01 * r.values().stream().mapToDouble(d -> d).sum());
        assertThat(r.get("risk_block")).isPositive().isLessThan(r.get("fill"));
        assertThat(ShadowMvsModel.RISK_BLOCK_RATES.values().stream().mapToDouble(d -> d).sum())
                .as("risk reasons add up to the risk_block stage").isCloseTo(r.get("risk_block"), within(1e-9));
        assertThat(ShadowMvsModel.RISK_BLOCK_RATES.values()).allSatisfy(v -> assertThat(v).isPositive())
                .doesNotHaveDuplicates();
        assertThat(ShadowMvsModel.FEED_GAP_RATES.values()).allSatisfy(v -> assertThat(v).isPositive())
                .doesNotHaveDuplicates();
    }

    @Test
    void totalsAreRateTimesUptimeRoundedToAThousandth() {
        assertThat(ShadowMvsModel.total(0.15, 12_345)).isEqualTo(1.852);
        assertThat(ShadowMvsModel.total(2.0, 0)).isZero();
        assertThat(ShadowMvsModel.total(0.002, 1000 * 86_400L * 365)).isEqualTo(63_072.0);
    }

    @Test
    void bucketCountsAreCumulativeNeverShrinkWithUptimeAndEndAtTheCount() {
        for (var edge : ShadowMvsModel.LATENCY.entrySet()) {
            long[] previous = cumulative(edge.getValue().bucketCounts(0));
            for (long uptime = 1; uptime < 5_000_000; uptime = uptime * 3 + 7) {
                long[] counts = edge.getValue().bucketCounts(uptime);
                assertThat(Arrays.stream(counts).min().orElseThrow()).as("%s at %d ms", edge.getKey(), uptime).isNotNegative();
                long[] cumulative = cumulative(counts);
                assertThat(cumulative[cumulative.length - 1]).as("+Inf = count")
                        .isEqualTo((long) Math.floor(edge.getValue().ratePerSecond() * uptime / 1000.0));
                for (int i = 0; i < cumulative.length; i++) {
                    assertThat(cumulative[i]).as("%s bucket %d at %d ms", edge.getKey(), i, uptime)
                            .isGreaterThanOrEqualTo(previous[i]);
                }
                previous = cumulative;
            }
        }
    }

    @Test
    void sumLiesBetweenTheBucketsLowerAndUpperBounds() {
        double[] bounds = ShadowMvsModel.upperBounds();
        for (var edge : ShadowMvsModel.LATENCY.entrySet()) {
            long[] counts = edge.getValue().bucketCounts(3_600_000);
            double lowest = 0;
            double highest = 0;
            for (int i = 0; i < counts.length; i++) {
                lowest += counts[i] * (i == 0 ? 0 : bounds[i - 1]);
                highest += counts[i] * (i < counts.length - 1 ? bounds[i] : 2 * bounds[i - 1]);
            }
            assertThat(edge.getValue().sum(3_600_000)).as(edge.getKey()).isBetween(lowest, highest);
        }
    }

    @Test
    void sumNeverDecreasesWithUptimeSoRateDoesNotSeeAReset() {
        for (var edge : ShadowMvsModel.LATENCY.entrySet()) {
            double previous = 0;
            for (long uptime = 0; uptime <= 120_000; uptime += 100) {
                double sum = edge.getValue().sum(uptime);
                assertThat(sum).as("%s at %d ms", edge.getKey(), uptime).isGreaterThanOrEqualTo(previous);
                previous = sum;
            }
        }
    }

    @Test
    void p95OfTheGoldenEdgesIsBelowOneSecond() {
        for (String edge : List.of("intent_to_ack", "submit_to_ack")) {
            double[] shares = ShadowMvsModel.LATENCY.get(edge).cumulativeShare();
            int first = 0;
            while (shares[first] < 0.95) {
                first++;
            }
            assertThat(ShadowMvsModel.upperBounds()[first]).as(edge).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void profilesRejectSharesThatAreNotCumulative() {
        double[] shares = new double[ShadowMvsModel.upperBounds().length - 1];
        Arrays.fill(shares, 0.5);
        shares[3] = 0.4;
        assertThatThrownBy(() -> new LatencyProfile(1, shares)).hasMessageContaining("non-decreasing");
        assertThatThrownBy(() -> new LatencyProfile(1, 0.5)).hasMessageContaining("one share per finite bound");
    }

    private static long[] cumulative(long[] counts) {
        long[] cumulative = counts.clone();
        Arrays.parallelPrefix(cumulative, Long::sum);
        return cumulative;
    }
}
