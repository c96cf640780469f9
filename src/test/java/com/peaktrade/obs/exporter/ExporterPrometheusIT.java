package com.peaktrade.obs.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus scrapes the exporter (the jar in a JRE container) by service name on the project's
 * network; the golden queries of SPEC §3 and every query of the user's shadow dashboard (with
 * mode=shadow, exchange=sim) return non-empty, non-NaN data.
 */
@Tag(EngineExtension.PROMETHEUS_TAG)
@ExtendWith(EngineExtension.class)
class ExporterPrometheusIT {
    private static final String EVENTS = "peak_trade_pipeline_events_total";
    private static final List<String> QUERIES = List.of(
            // SPEC §3 golden queries
            "up{job=\"shadow_mvs\"}",
            "scrape_samples_scraped{job=\"shadow_mvs\"}",
            "sum by (mode, stage) (rate(" + EVENTS + "{job=\"shadow_mvs\"}[5m]))",
            "sum by (mode, reason) (rate(peak_trade_risk_blocks_total{job=\"shadow_mvs\"}[5m]))",
            "sum(rate(" + EVENTS + "{job=\"shadow_mvs\",stage=\"error\"}[5m])) / clamp_min(sum(rate(" + EVENTS
                    + "{job=\"shadow_mvs\"}[5m])), 1)",
            p95("intent_to_ack", "le"),
            p95("submit_to_ack", "le"),
            // the shadow dashboard's panels, variables substituted
            "(absent(" + EVENTS + ") OR on() vector(0))",
            "(absent(peak_trade_pipeline_latency_seconds_bucket) OR on() vector(0))",
            "(absent(peak_trade_risk_blocks_total) OR on() vector(0))",
            "sum by (mode, stage) (rate(" + EVENTS + "{mode=~\"shadow\",exchange=~\"sim\"}[5m]))",
            "sum(rate(" + EVENTS + "{stage=\"error\",mode=~\"shadow\",exchange=~\"sim\"}[5m])) / clamp_min(sum(rate("
                    + EVENTS + "{mode=~\"shadow\",exchange=~\"sim\"}[5m])), 1e-9)",
            "sum by (mode, reason) (rate(peak_trade_risk_blocks_total{mode=~\"shadow\"}[5m]))",
            p95("intent_to_ack", "le, mode"),
            "sum by (mode, feed) (rate(peak_trade_feed_gaps_total{mode=~\"shadow\"}[15m]))",
            "sum by (mode, state) (peak_trade_run_state{mode=~\"shadow\"})",
            "count(count by (mode) (" + EVENTS + "))",
            "count(count by (exchange) (" + EVENTS + "))");

    private static String p95(String edge, String by) {
        return "histogram_quantile(0.95, sum by (" + by + ") (rate(peak_trade_pipeline_latency_seconds_bucket"
                + "{job=\"shadow_mvs\",edge=\"" + edge + "\"}[5m])))";
    }

    @Test
    void goldenAndDashboardQueriesReturnDataWhenPrometheusScrapesTheExporter(TestEngine engine, @TempDir Path dir)
            throws Exception {
        String network = engine.createNetwork("default");
        String exporter = engine.run(TestEngine.jreImage(), cmd -> cmd
                .withCmd("java", "-jar", "/opt/peaktrade-obs.jar", "exporter", "--host", "0.0.0.0")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network)
                        .withBinds(new Bind(ExporterJarIT.jar().toString(), new Volume("/opt/peaktrade-obs.jar"),
                                AccessMode.ro)))
                .withAliases("shadow-mvs-exporter"));

        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: shadow_mvs
                    static_configs:
                      - targets: ["shadow-mvs-exporter:9109"]
                """);
        config.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        int port = engine.freePort();
        String prometheus = engine.run(TestEngine.prometheusImage(), cmd -> cmd
                .withExposedPorts(ExposedPort.tcp(9090))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network)
                        .withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", port),
                                ExposedPort.tcp(9090)))
                        .withBinds(new Bind(config.toString(), new Volume("/etc/prometheus/prometheus.yml"),
                                AccessMode.ro))));

        String base = "http://127.0.0.1:" + port;
        engine.awaitHttp(base + "/-/ready", 200, Duration.ofSeconds(30));
        long start = System.nanoTime();
        for (String query : QUERIES) {
            JsonNode answer = engine.awaitJson(base + "/api/v1/query?query=" + URLEncoder.encode(query,
                    StandardCharsets.UTF_8), Duration.ofSeconds(60), ExporterPrometheusIT::hasNumbers);
            assertThat(hasNumbers(answer)).as("%s%nexporter log:%n%s%nprometheus log:%n%s", query,
                    engine.logs(exporter), engine.logs(prometheus)).isTrue();
        }
        System.out.printf("ExporterPrometheusIT: all %d queries non-empty %d ms after Prometheus was ready%n",
                QUERIES.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** A successful vector with at least one result, every value a number (not NaN). */
    private static boolean hasNumbers(JsonNode answer) {
        JsonNode result = answer.path("data").path("result");
        if (!"success".equals(answer.path("status").asText()) || result.size() == 0) {
            return false;
        }
        for (JsonNode series : result) {
            String value = series.path("value").path(1).asText();
            if (value.isEmpty() || value.equals("NaN")) {
                return false;
            }
        }
        return true;
    }
}
