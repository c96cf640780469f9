package com.peaktrade.obs.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.exporter.ShadowMvsContract.Family;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShadowMvsContractTest {

    @Test
    void definesTheFamiliesOfSpecSection3WithTheirLabels() {
        assertThat(ShadowMvsContract.FAMILIES.stream().collect(Collectors.toMap(Family::name, f -> f.labels())))
                .containsOnly(
                        org.assertj.core.api.Assertions.entry("shadow_mvs_up", java.util.List.of("mode", "exchange")),
                        org.assertj.core.api.Assertions.entry("peak_trade_pipeline_events_total",
                                java.util.List.of("mode", "stage", "exchange")),
                        org.assertj.core.api.Assertions.entry("peak_trade_pipeline_latency_seconds",
                                java.util.List.of("mode", "edge", "exchange")),
                        org.assertj.core.api.Assertions.entry("peak_trade_risk_blocks_total",
                                java.util.List.of("mode", "reason", "exchange")),
                        org.assertj.core.api.Assertions.entry("peak_trade_feed_gaps_total",
                                java.util.List.of("mode", "feed")),
                        org.assertj.core.api.Assertions.entry("peak_trade_run_state", java.util.List.of("mode", "state")));
    }

    @Test
    void everyEnumeratedLabelOfAFamilyHasAllowedValuesAndNoneIsForbidden() {
        for (Family family : ShadowMvsContract.FAMILIES) {
            assertThat(family.help()).as(family.name()).isNotBlank();
            assertThat(family.labels()).doesNotContainAnyElementsOf(ShadowMvsContract.FORBIDDEN_LABELS);
            family.labels().stream()
                    .filter(l -> !l.equals(ShadowMvsContract.MODE) && !l.equals(ShadowMvsContract.EXCHANGE))
                    .forEach(l -> assertThat(ShadowMvsContract.ALLOWED_VALUES.get(l)).as(l).isNotEmpty());
        }
        assertThat(ShadowMvsContract.FORBIDDEN_LABELS).containsExactlyInAnyOrder(
                "run_id", "intent_id", "client_order_id", "broker_order_id", "correlation_id");
        assertThat(ShadowMvsContract.STATES).contains(ShadowMvsContract.CURRENT_STATE);
    }

    @Test
    void findsAFamilyByItsTextOrOpenMetricsName() {
        assertThat(ShadowMvsContract.family("peak_trade_pipeline_events_total")).contains(
                ShadowMvsContract.PIPELINE_EVENTS_FAMILY);
        assertThat(ShadowMvsContract.family("peak_trade_pipeline_events")).contains(
                ShadowMvsContract.PIPELINE_EVENTS_FAMILY);
        assertThat(ShadowMvsContract.family("peak_trade_pipeline_latency_seconds").orElseThrow().sampleNames())
                .containsExactly("peak_trade_pipeline_latency_seconds_bucket",
                        "peak_trade_pipeline_latency_seconds_sum", "peak_trade_pipeline_latency_seconds_count");
        assertThat(ShadowMvsContract.family("peak_trade_http_requests_total")).isEmpty();
    }

    @Test
    void judgesFreeLabelValues() {
        assertThat(ShadowMvsContract.labelValueProblem("shadow")).isEmpty();
        assertThat(ShadowMvsContract.labelValueProblem("binance-us.spot")).isEmpty();
        assertThat(ShadowMvsContract.labelValueProblem("")).contains("must not be empty");
        assertThat(ShadowMvsContract.labelValueProblem(null)).contains("must not be empty");
        assertThat(ShadowMvsContract.labelValueProblem(" sim")).contains("has leading or trailing whitespace");
        assertThat(ShadowMvsContract.labelValueProblem("a\nb")).contains("contains a control character");
        assertThat(ShadowMvsContract.labelValueProblem("x".repeat(65))).contains("is longer than 64 characters");
    }
}
