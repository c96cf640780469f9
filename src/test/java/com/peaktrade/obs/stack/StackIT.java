package com.peaktrade.obs.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Container;
import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.RepositoryAssets;
import com.peaktrade.obs.testing.TestEngine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `shadow up|status|down` and `grafana up|down` through the real jar on the testbed images. */
@ExtendWith(EngineExtension.class)
class StackIT {
    @TempDir
    Path cwd;

    private Map<String, String> env(TestEngine engine, int prometheusPort, int grafanaPort, int exporterPort) {
        Map<String, String> env = engine.stackEnv(cwd);
        env.put("PEAKTRADE_OBS_PROMETHEUS_PORT", Integer.toString(prometheusPort));
        env.put("PEAKTRADE_OBS_GRAFANA_PORT", Integer.toString(grafanaPort));
        env.put("PEAKTRADE_OBS_EXPORTER_PORT", Integer.toString(exporterPort));
        return env;
    }

    @Test
    void shadowUpServesGoldenQueriesThroughPrometheusAndDownLeavesNothing(TestEngine engine) {
        int prom = engine.freePort();
        int grafana = engine.freePort();
        int exporter = engine.freePort();
        String project = engine.project() + "-shadow";
        Map<String, String> env = env(engine, prom, grafana, exporter);

        var up = CliProcess.run(env, cwd, "shadow", "up", "-p", project);

        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).contains("assets: embedded copy", "http://127.0.0.1:" + prom,
                "http://127.0.0.1:" + grafana, "http://127.0.0.1:" + exporter + "/metrics",
                "Next: peaktrade-obs shadow verify -p " + project)
                .contains("password from newly generated, stored in " + cwd.resolve("state/peaktrade-obs/" + project
                        + "/grafana-admin-password")).doesNotContain("admin/admin");
        List<Container> containers = engine.docker().listContainersCmd()
                .withLabelFilter(List.of("com.docker.compose.project=" + project)).exec();
        assertThat(containers).extracting(c -> c.getLabels().get("com.docker.compose.service"))
                .containsExactlyInAnyOrder("prometheus-local", "grafana", "shadow-mvs-exporter");
        assertThat(containers).allSatisfy(c -> assertThat(c.getLabels())
                .containsKeys("com.docker.compose.config-hash", "com.docker.compose.project.config_files"));

        String base = "http://127.0.0.1:" + prom + "/api/v1/query?query=";
        engine.awaitJson(base + enc("up{job=\"shadow_mvs\"} == 1"), Duration.ofSeconds(30),
                doc -> doc.path("data").path("result").size() == 1);
        for (String golden : List.of(
                "sum by (mode, stage) (rate(peak_trade_pipeline_events_total{job=\"shadow_mvs\"}[5m]))",
                "sum by (mode, reason) (rate(peak_trade_risk_blocks_total{job=\"shadow_mvs\"}[5m]))",
                "histogram_quantile(0.95, sum by (le) (rate(peak_trade_pipeline_latency_seconds_bucket{job=\"shadow_mvs\",edge=\"intent_to_ack\"}[5m])))")) {
            JsonNode doc = engine.awaitJson(base + enc(golden), Duration.ofSeconds(30), d -> hasNumber(d));
            assertThat(hasNumber(doc)).as(golden).isTrue();
        }

        var status = CliProcess.run(env, cwd, "shadow", "status", "-p", project);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("shadow-mvs-exporter", "healthy", "all 3 services up");

        var down = CliProcess.run(env, cwd, "shadow", "down", "-p", project);
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of("com.docker.compose.project=" + project)).exec()).isEmpty();
        assertThat(engine.docker().listNetworksCmd().withNameFilter(project + "_default").exec()).isEmpty();
        assertThat(engine.docker().listVolumesCmd().exec().getVolumes()).noneMatch(v -> v.getName().startsWith(project));

        var statusAfter = CliProcess.run(env, cwd, "shadow", "status", "-p", project);
        assertThat(statusAfter.exitCode()).isEqualTo(1);
        assertThat(statusAfter.out()).contains("is not running; start it with `peaktrade-obs shadow up`");
    }

    @Test
    void upVerifyPrintsUpsLinesThenVerifysWithItsExitCodeAndKeepsJsonOnStdoutParseable(TestEngine engine) throws Exception {
        String project = engine.project() + "-upverify";
        Map<String, String> env = env(engine, engine.freePort(), engine.freePort(), engine.freePort());
        // the contract in force expects a dashboard nobody provisions: verify cannot pass
        Path broken = RepositoryAssets.copyTo(cwd.resolve("broken"));
        Files.writeString(broken.resolve("peaktrade-obs.yaml"), Files.readString(Path.of("peaktrade-obs.yaml"))
                .replace("\n  dashboards:\n", "\n  dashboards:\n    - uid: peaktrade-no-such-dashboard\n"));
        RepositoryAssets.readableByContainers(broken);
        try {
            var green = CliProcess.run(env, cwd, "shadow", "up", "--verify", "-p", project);

            assertThat(green.exitCode()).as(green.toString()).isZero();
            String out = green.out();
            assertThat(out).startsWith("shadow stack, project " + project).doesNotContain("Next: ").endsWith("RESULT=PASS\n");
            assertThat(out.indexOf("shadow stack up in")).as(out).isPositive().isLessThan(out.indexOf("PASS|docker.daemon|"));
            assertThat(out).contains("PASS|prometheus.query.", "PASS|grafana.dashboards|", "PASS|exporter.metrics|");

            var red = CliProcess.run(env, cwd, "shadow", "up", "--verify", "-p", project, "--assets-dir", broken.toString(),
                    "--budget", "grafana.dashboards=5s", "--format", "json");

            assertThat(red.exitCode()).as(red.toString()).isEqualTo(1);
            assertThat(red.err()).contains("shadow stack, project " + project, "shadow stack up in");
            JsonNode report = new ObjectMapper().readTree(red.out());
            assertThat(report.path("result").asText()).isEqualTo("FAIL");
            assertThat(report.path("checks").findValuesAsText("id")).contains("grafana.dashboards");
            assertThat(red.out()).contains("peaktrade-no-such-dashboard");
        } finally {
            CliProcess.run(env, cwd, "shadow", "down", "-p", project);
        }
    }

    @Test
    void grafanaStackHasNoExporterAndGrafanaProvisionsFromTheEmbeddedAssets(TestEngine engine) {
        int prom = engine.freePort();
        int grafana = engine.freePort();
        String project = engine.project() + "-grafana";
        Map<String, String> env = env(engine, prom, grafana, engine.freePort());

        var up = CliProcess.run(env, cwd, "grafana", "up", "-p", project);

        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(engine.docker().listContainersCmd().withLabelFilter(List.of("com.docker.compose.project=" + project))
                .exec()).extracting(c -> c.getLabels().get("com.docker.compose.service"))
                .containsExactlyInAnyOrder("prometheus-local", "grafana");
        JsonNode health = engine.awaitJson("http://127.0.0.1:" + grafana + "/api/health", Duration.ofSeconds(60),
                d -> "ok".equals(d.path("database").asText()));
        assertThat(health.path("database").asText()).isEqualTo("ok");

        var down = CliProcess.run(env, cwd, "grafana", "down", "-p", project);
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.out()).contains("removed: 2 containers, 1 networks");
    }

    @Test
    void withoutCredentialsUpGeneratesAPasswordKeepsIt0600ReusesItRotatesOnRequestAndVerifyFindsIt(TestEngine engine) throws Exception {
        String project = engine.project() + "-secret";
        int grafana = engine.freePort();
        Map<String, String> env = env(engine, engine.freePort(), grafana, engine.freePort());
        Path stored = cwd.resolve("state/peaktrade-obs/" + project + "/grafana-admin-password");

        var first = CliProcess.run(env, cwd, "grafana", "up", "-p", project);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String password = java.nio.file.Files.readString(stored);
        String mode = java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(stored));
        var second = CliProcess.run(env, cwd, "grafana", "up", "-p", project);
        String reused = java.nio.file.Files.readString(stored);
        var rotated = CliProcess.run(env, cwd, "grafana", "up", "-p", project, "--rotate-grafana-password");
        String newPassword = java.nio.file.Files.readString(stored);
        var verify = CliProcess.run(env, cwd, "grafana", "verify", "-p", project);
        var down = CliProcess.run(env, cwd, "grafana", "down", "-p", project, "--volumes");

        assertThat(password).matches("[A-Za-z0-9]{16,}\n");
        assertThat(mode).isEqualTo("rw-------");
        assertThat(first.out()).contains("password from newly generated, stored in " + stored);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("password from stored in " + stored);
        assertThat(reused).isEqualTo(password);
        assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
        assertThat(rotated.out()).contains("password from newly generated, stored in " + stored);
        assertThat(newPassword).isNotEqualTo(password);
        assertThat(verify.out()).as(verify.toString()).contains("PASS|grafana.auth|authenticated as admin (user, role Admin)"
                + " with basic auth for user admin from " + stored);
        for (var run : List.of(first, second, rotated, verify, down)) {
            assertThat(run.out() + run.err()).as("no output shows the password").doesNotContain(password.strip())
                    .doesNotContain(newPassword.strip());
        }
        assertThat(down.out()).contains("removed the stored Grafana admin password " + stored);
        assertThat(stored).doesNotExist();
    }

    @Test
    void explicitAdminAdminIsRefusedWhenBindingBeyondLoopback(TestEngine engine) {
        String project = engine.project() + "-public";
        Map<String, String> env = env(engine, engine.freePort(), engine.freePort(), engine.freePort());
        env.put("GRAFANA_ADMIN_PASSWORD", "admin");
        var up = CliProcess.run(env, cwd,
                "grafana", "up", "-p", project, "--bind", "0.0.0.0");

        assertThat(up.exitCode()).as(up.toString()).isEqualTo(2);
        assertThat(up.err()).contains("refusing to publish Grafana on 0.0.0.0 with the default admin/admin credentials");
        assertThat(engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of("com.docker.compose.project=" + project)).exec()).isEmpty();
    }

    private static boolean hasNumber(JsonNode doc) {
        JsonNode result = doc.path("data").path("result");
        if (result.size() == 0) {
            return false;
        }
        for (JsonNode r : result) {
            String v = r.path("value").path(1).asText();
            if (v.equals("NaN") || v.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String enc(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
