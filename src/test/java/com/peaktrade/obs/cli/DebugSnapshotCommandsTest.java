package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.peaktrade.obs.http.FixtureServer;
import org.junit.jupiter.api.Test;

/**
 * debug targets / health / config and prometheus reload given URLs only (no engine needed),
 * against fixtures on 127.0.0.1; and their usage errors.
 */
class DebugSnapshotCommandsTest {
    private static final String TARGETS = """
            {"status":"success","data":{"activeTargets":[
            {"labels":{"instance":"shadow-mvs-exporter:9109","job":"shadow_mvs"},"scrapePool":"shadow_mvs",
             "scrapeUrl":"http://shadow-mvs-exporter:9109/metrics","lastError":"","lastScrape":"2024-05-01T10:00:00Z",
             "lastScrapeDuration":0.003,"health":"up","scrapeInterval":"2s","scrapeTimeout":"2s"},
            {"labels":{"instance":"localhost:8000","job":"peak_trade_web"},"scrapePool":"peak_trade_web",
             "scrapeUrl":"http://localhost:8000/metrics","lastError":"connect: connection refused",
             "lastScrape":"2024-05-01T10:00:00Z","lastScrapeDuration":0.001,"health":"down","scrapeInterval":"2s","scrapeTimeout":"2s"}],
            "droppedTargets":[]}}
            """;

    @Test
    void targetsTableHasOneRowPerTargetAndAHintForTheDownOne() {
        try (FixtureServer prometheus = FixtureServer.start().on("/api/v1/targets", FixtureServer.json(200, TARGETS))) {
            CliRun run = CliRun.of("debug", "targets", "--prometheus-url", prometheus.uri().toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("Prometheus " + prometheus.uri() + ": 2 active targets")
                    .containsPattern("JOB +INSTANCE +HEALTH +LAST SCRAPE +SCRAPE URL +LAST ERROR")
                    .containsPattern("shadow_mvs +shadow-mvs-exporter:9109 +up +")
                    .containsPattern("peak_trade_web +localhost:8000 +down +.* http://localhost:8000/metrics +connect: connection refused")
                    .contains("HINT peak_trade_web localhost:8000: inside the Prometheus container localhost is the container itself");
        }
    }

    @Test
    void troubleshootingCommandsSendTheSameCredentialsAsVerify(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path token = dir.resolve("prom-token");
        java.nio.file.Files.writeString(token, "prom-secret-token\n");
        try (FixtureServer prometheus = FixtureServer.start().on("/api/v1/targets", FixtureServer.json(200, TARGETS))
                .on("/api/v1/status/config", FixtureServer.json(200, "{\"status\":\"success\",\"data\":{\"yaml\":\"global: {}\\n\"}}"))) {
            CliRun targets = CliRun.of("debug", "targets", "--prometheus-url", prometheus.uri().toString(),
                    "--prometheus-token-file", token.toString());
            CliRun config = CliRun.of("debug", "config", "--prometheus", "--prometheus-url", prometheus.uri().toString(),
                    "--prometheus-token-file", token.toString());
            assertThat(targets.out()).as(targets.toString()).contains("2 active targets");
            assertThat(config.exitCode()).as(config.toString()).isZero();
            assertThat(prometheus.requests()).extracting(FixtureServer.Recorded::authorization)
                    .hasSize(2).containsOnly("Bearer prom-secret-token");
            assertThat(targets.out() + targets.err() + config.out() + config.err()).doesNotContain("prom-secret-token");
        }
    }

    @Test
    void targetsAsJsonCarryTheHint() throws Exception {
        try (FixtureServer prometheus = FixtureServer.start().on("/api/v1/targets", FixtureServer.json(200, TARGETS))) {
            CliRun run = CliRun.of("debug", "targets", "--prometheus-url", prometheus.uri().toString(), "--format", "json");
            JsonNode doc = new ObjectMapper().readTree(run.out());
            assertThat(doc.path("targets")).hasSize(2);
            assertThat(doc.path("targets").get(0).path("hint").isNull()).isTrue();
            assertThat(doc.path("targets").get(1).path("hint").asText()).contains("host.docker.internal");
        }
    }

    @Test
    void healthPrintsOneLinePerEndpointWithStatusAndLatency() {
        try (FixtureServer prometheus = FixtureServer.start()
                .on("/-/ready", FixtureServer.text(200, "text/plain", "Prometheus Server is Ready.\n"))
                .on("/-/healthy", FixtureServer.text(200, "text/plain", "Prometheus Server is Healthy.\n"))
                .on("/api/v1/status/buildinfo", FixtureServer.json(200, "{\"status\":\"success\",\"data\":{\"version\":\"3.5.0\"}}"));
                FixtureServer grafana = FixtureServer.start().on("/api/health",
                        FixtureServer.json(200, "{\"database\":\"ok\",\"version\":\"12.4.5\",\"commit\":\"abc\"}"));
                FixtureServer app = FixtureServer.start().on("/metrics", FixtureServer.text(200, "text/plain",
                        "peak_trade_metrics_fallback 1\n"))) {
            CliRun run = CliRun.of("debug", "health", "--prometheus-url", prometheus.uri().toString(),
                    "--grafana-url", grafana.uri().toString(), "--app-url", app.uri() + "/metrics");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out())
                    .containsPattern("prometheus ready +ok +200 +\\d+ ms +" + prometheus.uri() + "/-/ready +Prometheus Server is Ready\\. \\(Prometheus 3\\.5\\.0\\)")
                    .containsPattern("prometheus healthy +ok +200 +\\d+ ms")
                    .containsPattern("grafana +ok +200 +\\d+ ms +" + grafana.uri() + "/api/health +database ok, version 12\\.4\\.5")
                    .containsPattern("app +FAIL +200 +\\d+ ms +.*fail-open fallback \\(green fake\\)")
                    .doesNotContain("exporter");
        }
    }

    @Test
    void healthOfADeadEndpointSaysUnreachable() {
        CliRun run = CliRun.of("debug", "health", "--grafana-url", "http://127.0.0.1:1", "--format", "json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("\"endpoint\" : \"grafana\"", "\"ok\" : false", "unreachable: connection refused");
    }

    @Test
    void prometheusConfigComesFromTheApi() {
        try (FixtureServer prometheus = FixtureServer.start().on("/api/v1/status/config", FixtureServer.json(200,
                "{\"status\":\"success\",\"data\":{\"yaml\":\"global:\\n  scrape_interval: 2s\\nscrape_configs:\\n- job_name: shadow_mvs\\n\"}}"))) {
            CliRun run = CliRun.of("debug", "config", "--prometheus", "--prometheus-url", prometheus.uri().toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).isEqualTo("global:\n  scrape_interval: 2s\nscrape_configs:\n- job_name: shadow_mvs\n");
            assertThat(run.err()).contains("# effective config of Prometheus " + prometheus.uri());
        }
    }

    @Test
    void stackConfigNeedsNoEngineWhenTheStackIsNamedAndMasksThePassword() {
        CliRun run = CliRun.of("debug", "config", "--stack", "grafana", "-p", "some-project");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("name: some-project\n").contains("  grafana:", "  prometheus-local:",
                "GF_SECURITY_ADMIN_PASSWORD: '********'").doesNotContain("shadow-mvs-exporter");
        assertThat(run.err()).contains("# stack grafana, project some-project, files [prometheus-local.yaml, grafana.yaml]");
    }

    @Test
    void stackAndComposeFilesTogetherAreAUsageError() {
        CliRun run = CliRun.of("debug", "config", "--stack", "shadow", "-f", "compose/grafana.yaml");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--stack and -f do not go together");
    }

    @Test
    void unknownStackIsAUsageErrorNamingTheValidOnes() {
        CliRun run = CliRun.of("debug", "ps", "--stack", "live");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("shadow", "grafana");
    }

    @Test
    void reloadOfAForeignPrometheusThatForbidsItExplainsAndExits1() {
        try (FixtureServer prometheus = FixtureServer.start()
                .on("/-/reload", FixtureServer.text(403, "text/plain", "Lifecycle API is not enabled.\n"))) {
            CliRun run = CliRun.of("prometheus", "reload", "--prometheus-url", prometheus.uri().toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("POST " + prometheus.uri() + "/-/reload → 403",
                    "FAIL Prometheus at " + prometheus.uri() + " answered 403 (Lifecycle API is not enabled.)",
                    "not managed by peaktrade-obs, so nothing was restarted", "NEXT start that Prometheus with --web.enable-lifecycle");
        }
    }

    @Test
    void reloadRejectedWith500PrintsTheErrorAndExits1() {
        try (FixtureServer prometheus = FixtureServer.start().on("/-/reload", FixtureServer.text(500, "text/plain",
                "failed to reload config: couldn't load configuration (--config.file=\"/etc/prometheus/prometheus.yml\"): bad\n"))) {
            CliRun run = CliRun.of("prometheus", "reload", "--prometheus-url", prometheus.uri().toString(), "--format", "json");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("\"result\" : \"rejected\"", "failed to reload config: couldn't load configuration");
        }
    }

    @Test
    void reloadOfNothingIsAnEnvironmentError() {
        CliRun run = CliRun.of("prometheus", "reload", "--prometheus-url", "http://127.0.0.1:1");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("http://127.0.0.1:1/-/reload");
    }
}
