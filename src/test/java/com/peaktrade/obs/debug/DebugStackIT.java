package com.peaktrade.obs.debug;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.peaktrade.obs.app.AppFixture;
import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The troubleshooting commands through the real jar against one shadow stack on the testbed images
 * (one stack for the whole class: few container starts). The stack runs from a copy of the assets,
 * so the tests can break its scrape config and its dashboards directory the way users do.
 * The last test removes the dashboards directory; the extension removes the containers.
 */
@Tag(EngineExtension.PROMETHEUS_TAG)
@ExtendWith(EngineExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebugStackIT {
    @TempDir
    static Path cwd;

    static Path assets;
    static String project;
    static Map<String, String> env;
    static int prometheusPort;

    @BeforeAll
    static void upFromACopyOfTheAssets(TestEngine engine) throws IOException {
        assets = cwd.resolve("assets");
        Path repo = Path.of(System.getProperty("user.dir"));
        for (String folder : List.of("compose", "prometheus", "grafana")) {
            copy(repo.resolve(folder), assets.resolve(folder));
        }
        project = engine.project();
        prometheusPort = engine.freePort();
        env = new HashMap<>();
        env.put("PEAKTRADE_OBS_PROMETHEUS_IMAGE", TestEngine.prometheusImage());
        env.put("PEAKTRADE_OBS_GRAFANA_IMAGE", TestEngine.grafanaImage());
        env.put("PEAKTRADE_OBS_EXPORTER_IMAGE", TestEngine.jreImage());
        env.put("PEAKTRADE_OBS_PROMETHEUS_PORT", Integer.toString(prometheusPort));
        env.put("PEAKTRADE_OBS_GRAFANA_PORT", Integer.toString(engine.freePort()));
        env.put("PEAKTRADE_OBS_EXPORTER_PORT", Integer.toString(engine.freePort()));
        env.put("XDG_STATE_HOME", cwd.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", cwd.resolve("config").toString());
        var up = cli("shadow", "up", "-p", project, "--assets-dir", assets.toString());
        assertThat(up.exitCode()).as(up.toString()).isZero();
        // the exporter's first scrape, so targets and verify see it up
        engine.awaitJson("http://127.0.0.1:" + prometheusPort + "/api/v1/query?query=up%7Bjob%3D%22shadow_mvs%22%7D%3D%3D1",
                Duration.ofSeconds(30), d -> d.path("data").path("result").size() == 1);
    }

    static CliProcess.Result cli(String... args) {
        return CliProcess.run(env, cwd, args);
    }

    @Test
    @Order(1)
    void psAndLogsShowTheProjectAndAnUnknownServiceListsTheValidOnes() {
        var ps = cli("debug", "ps", "-p", project, "--stack", "shadow");
        assertThat(ps.exitCode()).as(ps.toString()).isZero();
        assertThat(ps.out()).contains("prometheus-local", "grafana", "shadow-mvs-exporter", "healthy");

        var logs = cli("debug", "logs", "prometheus-local", "-p", project, "--tail", "5");
        assertThat(logs.exitCode()).as(logs.toString()).isZero();
        assertThat(logs.out().lines().count()).isBetween(1L, 5L);

        var unknown = cli("debug", "logs", "prometheus", "-p", project);
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("no service 'prometheus' in project " + project,
                "grafana, prometheus-local, shadow-mvs-exporter");
    }

    @Test
    @Order(2)
    void targetsShowTheExporterUpAndTheAbsentWebAppDownWithTheHostHint() throws Exception {
        var run = cli("debug", "targets", "-p", project);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("Prometheus http://127.0.0.1:" + prometheusPort + " (project " + project + "): 2 active targets")
                .containsPattern("shadow_mvs +shadow-mvs-exporter:9109 +up +[0-9.]+s ago +http://shadow-mvs-exporter:9109/metrics")
                .containsPattern("peak_trade_web +host.docker.internal:8000 +down ")
                .contains("HINT peak_trade_web host.docker.internal:8000: host.docker.internal is the host");

        var json = cli("debug", "targets", "-p", project, "--format", "json");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.path("project").asText()).isEqualTo(project);
        assertThat(doc.path("targets").findValuesAsText("job")).containsExactlyInAnyOrder("shadow_mvs", "peak_trade_web");
    }

    @Test
    @Order(3)
    void healthHasOneOkLinePerEndpointAndTheAppStateWhenGiven() {
        var run = cli("debug", "health", "-p", project);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("prometheus ready +ok +200 +\\d+ ms +http://127.0.0.1:" + prometheusPort
                        + "/-/ready +Prometheus Server is Ready\\. \\(Prometheus ")
                .containsPattern("prometheus healthy +ok +200 ")
                .containsPattern("grafana +ok +200 +\\d+ ms .*database ok, version ")
                .containsPattern("exporter +ok +200 +\\d+ ms .*/metrics +\\d+ families, shadow_mvs_up 1");

        try (FixtureServer app = AppFixture.STRICT.start()) {
            var withApp = cli("debug", "health", "-p", project, "--app-url", app.uri() + "/metrics");
            assertThat(withApp.exitCode()).as(withApp.toString()).isEqualTo(1);
            assertThat(withApp.out()).containsPattern("app +FAIL +503 +\\d+ ms .*strict: prometheus_client unavailable");
        }
    }

    @Test
    @Order(4)
    void configShowsTheStacksModelWithoutPasswordsAndPrometheusEffectiveConfig() {
        var model = cli("debug", "config", "-p", project, "--assets-dir", assets.toString());
        assertThat(model.exitCode()).as(model.toString()).isZero();
        assertThat(model.out()).startsWith("name: " + project + "\n")
                .contains("  shadow-mvs-exporter:", "GF_SECURITY_ADMIN_PASSWORD: '********'", "--web.enable-lifecycle")
                .doesNotContain("GF_SECURITY_ADMIN_PASSWORD: admin");
        assertThat(model.err()).contains("# stack shadow, project " + project);

        var effective = cli("debug", "config", "-p", project, "--prometheus");
        assertThat(effective.exitCode()).as(effective.toString()).isZero();
        assertThat(effective.out()).contains("- job_name: shadow_mvs", "- job_name: peak_trade_web", "scrape_interval: 2s");
    }

    @Test
    @Order(5)
    void appVerifyReportsTheGreenFakeAndThatPrometheusCannotReachTheApp() {
        try (FixtureServer app = AppFixture.FALLBACK.start()) {
            var run = cli("app", "verify", "--url", app.uri() + "/metrics", "-p", project);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL|app.metrics|fail-open fallback (green fake)")
                    .contains("FAIL|app.target|job peak_trade_web is down at http://host.docker.internal:8000/metrics")
                    .contains("(Prometheus of project " + project + ")")
                    .contains("NEXT|host.docker.internal is the host", "--host 0.0.0.0")
                    .endsWith("RESULT=FAIL\n");
        }
    }

    @Test
    @Order(6)
    void reloadValidatesWithPromtoolThenReloads() {
        var run = cli("prometheus", "reload", "-p", project);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("validate: promtool check config /etc/prometheus/prometheus.yml in " + project
                        + "-prometheus-local-1: Checking /etc/prometheus/prometheus.yml; SUCCESS")
                .contains("POST http://127.0.0.1:" + prometheusPort + "/-/reload → 200")
                .contains("OK Prometheus at http://127.0.0.1:" + prometheusPort + " reloaded its configuration");
    }

    @Test
    @Order(7)
    void brokenConfigIsCaughtByPromtoolAndRejectedByPrometheusWhichKeepsTheOldOne() throws IOException {
        Path config = assets.resolve("prometheus/prometheus-shadow.yml");
        String good = Files.readString(config);
        // written in place (same inode), so the container's single-file bind mount sees it
        Files.writeString(config, good + "\n  - job_name: [this is not a job\n", StandardCharsets.UTF_8);
        try {
            var ours = cli("prometheus", "reload", "-p", project);
            assertThat(ours.exitCode()).as(ours.toString()).isEqualTo(1);
            assertThat(ours.out()).contains("validate: promtool check config /etc/prometheus/prometheus.yml in " + project
                            + "-prometheus-local-1 failed (exit 1)")
                    .contains("FAIL the config /etc/prometheus/prometheus.yml is invalid; nothing was reloaded")
                    .doesNotContain("POST ");

            var direct = cli("prometheus", "reload", "--prometheus-url", "http://127.0.0.1:" + prometheusPort);
            assertThat(direct.exitCode()).as(direct.toString()).isEqualTo(1);
            assertThat(direct.out()).contains("→ 500", "failed to reload config",
                    "FAIL Prometheus rejected the new config and keeps running with the old one");

            var effective = cli("debug", "config", "-p", project, "--prometheus");
            assertThat(effective.out()).contains("- job_name: shadow_mvs").doesNotContain("this is not a job");
        } finally {
            Files.writeString(config, good, StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(8)
    void mountsShowWhatGrafanaSeesAndFlagAVanishedDashboardsDirectory() throws IOException {
        var fine = cli("debug", "mounts", "-p", project);
        assertThat(fine.exitCode()).as(fine.toString()).isZero();
        assertThat(fine.out()).contains("grafana (" + project + "-grafana-1, running)")
                .contains("bind " + assets.resolve("grafana/dashboards") + " → /etc/grafana/dashboards (ro)  4 entries")
                .contains("bind " + assets.resolve("grafana/provisioning") + " → /etc/grafana/provisioning (ro)  2 entries")
                .contains("    | /etc/grafana/provisioning/dashboards:", "dashboards.yaml", "datasources.yaml",
                        "peaktrade-shadow-pipeline-mvs.json")
                .contains("bind " + assets.resolve("prometheus/prometheus-shadow.yml") + " → /etc/prometheus/prometheus.yml (ro)")
                .doesNotContain("FLAG");

        deleteTree(assets.resolve("grafana/dashboards"));

        var flagged = cli("debug", "mounts", "-p", project);
        assertThat(flagged.exitCode()).as(flagged.toString()).isEqualTo(1);
        assertThat(flagged.out()).contains("  FLAG source " + assets.resolve("grafana/dashboards")
                        + " does not exist on the host; the container sees an empty /etc/grafana/dashboards")
                .contains("  NEXT Grafana starts but shows no dashboards when its provisioning or dashboards mount is empty");
        var json = cli("debug", "mounts", "-p", project, "--format", "json", "--no-listing");
        assertThat(json.out()).contains("\"sourceExists\" : false", "\"entries\" : 0").doesNotContain("\"listing\"");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
