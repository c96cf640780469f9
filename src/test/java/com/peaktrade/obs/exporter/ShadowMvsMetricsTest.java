package com.peaktrade.obs.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The registry's values as a pure function of uptime (injected clock, no HTTP, no sleeping). */
class ShadowMvsMetricsTest {

    @Test
    void twoExportersAtTheSameUptimeExposeIdenticalNumbers() throws IOException {
        AtomicLong uptime = new AtomicLong(123_456);
        PrometheusRegistry first = ShadowMvsMetrics.newRegistry("shadow", "sim", uptime::get);
        PrometheusRegistry second = ShadowMvsMetrics.newRegistry("shadow", "sim", uptime::get);
        assertThat(render(second)).isEqualTo(render(first));
        uptime.set(86_400_000L);
        assertThat(render(second)).isEqualTo(render(first));
    }

    @Test
    void countersAreTheirRateTimesUptime() throws IOException {
        AtomicLong uptime = new AtomicLong(600_000); // 10 minutes
        Exposition text = Exposition.parse(render(ShadowMvsMetrics.newRegistry("live", "kraken", uptime::get)), "");
        ShadowMvsModel.STAGE_RATES.forEach((stage, rate) -> assertThat(
                text.value(ShadowMvsContract.PIPELINE_EVENTS, "stage", stage, "mode", "live", "exchange", "kraken"))
                .as(stage).isCloseTo(rate * 600, within(1e-9)));
        ShadowMvsModel.RISK_BLOCK_RATES.forEach((reason, rate) -> assertThat(
                text.value(ShadowMvsContract.RISK_BLOCKS, "reason", reason)).as(reason).isCloseTo(rate * 600, within(1e-9)));
        ShadowMvsModel.FEED_GAP_RATES.forEach((feed, rate) -> assertThat(
                text.value(ShadowMvsContract.FEED_GAPS, "feed", feed)).as(feed).isCloseTo(rate * 600, within(1e-9)));
        ShadowMvsModel.LATENCY.forEach((edge, profile) -> assertThat(
                text.value(ShadowMvsContract.PIPELINE_LATENCY + "_count", "edge", edge))
                .as(edge).isEqualTo(Math.floor(profile.ratePerSecond() * 600)));
    }

    @Test
    void atZeroUptimeEverySeriesExistsWithValueZero() throws IOException {
        Exposition text = Exposition.parse(render(ShadowMvsMetrics.newRegistry("shadow", "sim", () -> 0)), "");
        assertThat(text.samples(ShadowMvsContract.PIPELINE_EVENTS)).hasSize(ShadowMvsContract.STAGES.size())
                .allSatisfy(s -> assertThat(s.value()).isZero());
        assertThat(text.samples(ShadowMvsContract.PIPELINE_LATENCY + "_count"))
                .hasSize(ShadowMvsContract.EDGES.size());
        assertThat(text.value(ShadowMvsContract.UP)).isEqualTo(1.0);
    }

    @Test
    void modeAndExchangeAreTheGivenValuesOnEverySeriesThatHasThem() throws IOException {
        Exposition text = Exposition.parse(render(ShadowMvsMetrics.newRegistry("live", "kraken", () -> 5000)), "");
        assertThat(text.samples()).allSatisfy(s -> {
            assertThat(s.label("mode")).isEqualTo("live");
            assertThat(s.labels().getOrDefault("exchange", "kraken")).isEqualTo("kraken");
        });
    }

    static String render(PrometheusRegistry registry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toString(StandardCharsets.UTF_8);
    }
}
