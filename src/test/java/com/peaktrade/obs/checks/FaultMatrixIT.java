package com.peaktrade.obs.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.RepositoryAssets;
import com.peaktrade.obs.testing.TestEngine;
import com.peaktrade.obs.testing.VerifyRun;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix of docs/checks.md: for each check, its fault injected into a real stack makes
 * exactly that id FAIL (or WARN) with its hint, while the healthy stack PASSes every check.
 */
@Tag(EngineExtension.PROMETHEUS_TAG)
@ExtendWith(EngineExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixIT {
    static final List<String> SHADOW_IDS = List.of("docker.daemon", "stack.containers", "prometheus.ready",
            "prometheus.targets", "prometheus.query.up", "prometheus.query.scrape_samples", "prometheus.query.events_rate",
            "prometheus.query.risk_blocks_rate", "prometheus.query.error_ratio", "prometheus.query.p95_intent_to_ack",
            "prometheus.query.p95_submit_to_ack", "exporter.metrics", "grafana.health", "grafana.auth",
            "grafana.datasources", "grafana.datasource.health", "grafana.dashboards", "grafana.dashboard.vars", "grafana.query");

    private Path tmp;

    private TestEngine engine;
    private String healthy;
    private final List<String> projects = new ArrayList<>();

    private Map<String, String> env(String project) {
        Map<String, String> env = engine.stackEnv(tmp);
        return env;
    }

    private CliProcess.Result cli(String... args) {
        return CliProcess.run(Map.of("XDG_CONFIG_HOME", tmp.resolve("config").toString()), tmp, args);
    }

    /** Brings a stack up (ports chosen here; verify later finds them from the running project). */
    private String up(String stack, String suffix, Path assets) {
        String project = engine.project() + "-" + suffix;
        projects.add(project);
        List<String> args = new ArrayList<>(List.of(stack, "up", "-p", project));
        if (assets != null) {
            args.addAll(List.of("--assets-dir", assets.toString()));
        }
        CliProcess.Result up = CliProcess.run(env(project), tmp, args.toArray(String[]::new));
        assertThat(up.exitCode()).as(up.toString()).isZero();
        return project;
    }

    private VerifyRun verify(String stack, String project, String... extra) {
        List<String> args = new ArrayList<>(List.of(stack, "verify", "-p", project));
        args.addAll(List.of(extra));
        return VerifyRun.parse(cli(args.toArray(String[]::new)));
    }

    /** A copy of the repository's assets with one file changed. */
    private Path assetsWith(String name, String file, UnaryOperator<String> change) throws IOException {
        Path copy = tmp.resolve("assets-" + name);
        RepositoryAssets.copyTo(copy);
        if (file != null) {
            Path target = copy.resolve(file);
            String before = Files.readString(target);
            String after = change.apply(before);
            assertThat(after).as("fault injection changed " + file).isNotEqualTo(before);
            Files.writeString(target, after);
        }
        try (Stream<Path> walk = Files.walk(copy)) {
            walk.forEach(p -> p.toFile().setReadable(true, false));
        }
        return copy;
    }

    @BeforeAll
    void healthyShadowStack(TestEngine engine, @TempDir Path dir) {
        this.engine = engine;
        this.tmp = dir;
        healthy = up("shadow", "healthy", null);
    }

    @AfterAll
    void downAll() {
        for (String project : projects) {
            cli("shadow", "down", "-p", project);
        }
    }

    @Test
    @Order(1)
    void healthyStackPassesEveryCheckOfTheShadowSuite() {
        VerifyRun run = verify("shadow", healthy);
        assertThat(run.passed()).as(run.toString()).isTrue();
        assertThat(run.process().exitCode()).isZero();
        assertThat(run.statusById().keySet()).as("every check id executed").containsExactlyElementsOf(SHADOW_IDS);
        assertThat(run.statusById()).allSatisfy((id, status) -> assertThat(status).as(id).isIn("PASS", "WARN"));
        assertThat(run.status("grafana.datasource.health")).as("only the optional main datasource may warn")
                .isIn("PASS", "WARN");
    }

    @Test
    @Order(2)
    void wrongGrafanaPasswordFailsGrafanaAuthOnceWithTheStaleVolumeHint() throws IOException {
        Path pw = tmp.resolve("wrong-password");
        Files.writeString(pw, "not-the-password\n");
        VerifyRun run = verify("shadow", healthy, "--grafana-password-file", pw.toString());
        assertThat(run.status("grafana.auth")).as(run.toString()).isEqualTo("FAIL");
        assertThat(run.hintById().get("grafana.auth")).contains("volume");
        assertThat(run.status("grafana.datasources")).isEqualTo("SKIP");
        assertThat(run.process().out() + run.process().err()).doesNotContain("not-the-password");
        assertThat(run.process().exitCode()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void exporterServingAForbiddenLabelFailsExporterMetrics() throws IOException {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/metrics", ex -> {
            byte[] body = ("# TYPE shadow_mvs_up gauge\nshadow_mvs_up{mode=\"shadow\",exchange=\"sim\",run_id=\"r-123\"} 1\n")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        fake.start();
        try {
            VerifyRun run = verify("shadow", healthy, "--exporter-url",
                    "http://127.0.0.1:" + fake.getAddress().getPort() + "/metrics", "--no-wait");
            assertThat(run.status("exporter.metrics")).as(run.toString()).isEqualTo("FAIL");
            assertThat(run.messageById().get("exporter.metrics")).contains("forbidden label in shadow_mvs_up{run_id}");
        } finally {
            fake.stop(0);
        }
    }

    @Test
    @Order(4)
    void stoppedExporterFailsPrometheusTargetsAndExporterMetrics() {
        String exporter = healthy + "-shadow-mvs-exporter-1";
        engine.docker().stopContainerCmd(exporter).withTimeout(2).exec();
        try {
            // stack.containers would also flag it; targets must judge by Prometheus' own view,
            // which turns down only at the first failed scrape after the stop (2 s interval)
            engine.awaitTargetsDown(healthy + "-prometheus-local-1", "shadow_mvs");
            VerifyRun run = verify("shadow", healthy);
            assertThat(run.status("prometheus.targets")).as(run.toString()).isEqualTo("FAIL");
            assertThat(run.status("exporter.metrics")).isEqualTo("FAIL");
            assertThat(run.status("stack.containers")).isEqualTo("FAIL");
            assertThat(run.hintById().get("prometheus.targets")).isNotBlank();
        } finally {
            engine.docker().startContainerCmd(exporter).exec();
        }
    }

    @Test
    @Order(5)
    void stoppedPrometheusFailsPrometheusReady() {
        String prometheus = healthy + "-prometheus-local-1";
        engine.docker().stopContainerCmd(prometheus).withTimeout(2).exec();
        try {
            VerifyRun run = verify("shadow", healthy);
            assertThat(run.status("prometheus.ready")).as(run.toString()).isEqualTo("FAIL");
            assertThat(run.hintById().get("prometheus.ready")).contains("up");
            assertThat(run.status("prometheus.targets")).isEqualTo("SKIP");
        } finally {
            engine.docker().startContainerCmd(prometheus).exec();
        }
    }

    @Test
    @Order(6)
    void exitedGrafanaContainerFailsStackContainersWithItsExitCode() {
        String grafana = healthy + "-grafana-1";
        engine.docker().killContainerCmd(grafana).exec();
        VerifyRun run = verify("shadow", healthy, "--no-wait");
        assertThat(run.status("stack.containers")).as(run.toString()).isEqualTo("FAIL");
        assertThat(run.messageById().get("stack.containers")).contains("grafana exited", "exit code 137");
        assertThat(run.status("grafana.health")).isEqualTo("FAIL");
        engine.docker().startContainerCmd(grafana).exec();
    }

    @Test
    @Order(7)
    void unreachableEngineFailsDockerDaemonWithExit3() {
        CliProcess.Result result = CliProcess.run(Map.of("DOCKER_HOST", "unix:///nonexistent/ptobs.sock",
                "XDG_CONFIG_HOME", tmp.resolve("config").toString()), tmp, "shadow", "verify", "-p", healthy, "--no-wait");
        VerifyRun run = VerifyRun.parse(result);
        assertThat(run.status("docker.daemon")).as(run.toString()).isEqualTo("FAIL");
        assertThat(run.hintById().get("docker.daemon")).contains("start Docker");
        assertThat(result.exitCode()).isEqualTo(3);
    }

    @Test
    @Order(10)
    void wrongScrapeJobNameFailsPrometheusTargetsAndSkipsTheQueries() throws IOException {
        Path assets = assetsWith("wrong-job", "prometheus/prometheus-shadow.yml",
                s -> s.replace("job_name: shadow_mvs", "job_name: shadow-mvs"));
        String project = up("shadow", "wrongjob", assets);
        VerifyRun run = verify("shadow", project);
        assertThat(run.status("prometheus.targets")).as(run.toString()).isEqualTo("FAIL");
        assertThat(run.messageById().get("prometheus.targets")).contains("no target for job shadow_mvs", "shadow-mvs");
        assertThat(run.status("prometheus.query.events_rate")).isEqualTo("SKIP");
        cli("shadow", "down", "-p", project);
    }

    @Test
    @Order(11)
    void unreachableDatasourceUrlAndMissingDashboardVariableFailTheirChecks() throws IOException {
        Path assets = assetsWith("broken-wiring", "grafana/provisioning/datasources/datasources.yaml",
                s -> s.replaceFirst("url: http://prometheus-local:9090", "url: http://prometheus-local:9092"));
        Path dashboard = assets.resolve("grafana/dashboards/http/peaktrade-labeled-local.json");
        String json = Files.readString(dashboard);
        String withoutVariable = json.replaceFirst("\"name\"\\s*:\\s*\"DS_LOCAL\"", "\"name\": \"DS_LOCAL_RENAMED\"");
        assertThat(withoutVariable).isNotEqualTo(json);
        Files.writeString(dashboard, withoutVariable);
        String project = up("grafana", "wiring", assets);
        VerifyRun run = verify("grafana", project, "--budget", "grafana.datasource.health=6s");
        assertThat(run.status("grafana.datasource.health")).as(run.toString()).isEqualTo("FAIL");
        assertThat(run.hintById().get("grafana.datasource.health")).contains("container port");
        assertThat(run.status("grafana.dashboard.vars")).isEqualTo("FAIL");
        assertThat(run.messageById().get("grafana.dashboard.vars")).contains("peaktrade-labeled-local lacks the DS_LOCAL variable");
        cli("grafana", "down", "-p", project);
    }

    @Test
    @Order(12)
    void emptyDashboardsMountAndAMovedDefaultFailDashboardsAndDatasources() throws IOException {
        Path assets = assetsWith("no-dashboards", "grafana/provisioning/datasources/datasources.yaml",
                s -> s.replaceFirst("isDefault: true", "isDefault: false")
                        .replaceFirst("(name: prometheus-shadow[\\s\\S]*?)isDefault: false", "$1isDefault: true"));
        try (Stream<Path> walk = Files.walk(assets.resolve("grafana/dashboards"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Files.delete(p);
            }
        }
        String project = up("grafana", "nodash", assets);
        VerifyRun run = verify("grafana", project, "--budget", "grafana.dashboards=6s");
        assertThat(run.status("grafana.dashboards")).as(run.toString()).isEqualTo("FAIL");
        assertThat(run.hintById().get("grafana.dashboards")).contains("debug mounts");
        assertThat(run.status("grafana.datasources")).isEqualTo("FAIL");
        assertThat(run.messageById().get("grafana.datasources")).contains("peaktrade-prometheus-shadow is marked default");
        cli("grafana", "down", "-p", project);
    }

    @Test
    @Order(13)
    void secondDefaultDatasourceMakesGrafanaExitAndVerifyNamesTheCause() throws IOException {
        Path assets = assetsWith("two-defaults", "grafana/provisioning/datasources/datasources.yaml",
                s -> s.replaceFirst("(name: prometheus-shadow[\\s\\S]*?)isDefault: false", "$1isDefault: true"));
        String project = engine.project() + "-twodefaults";
        projects.add(project);
        // real Grafana exits during start-up, so `up` itself already fails; verify then names the cause
        CliProcess.Result up = CliProcess.run(env(project), tmp, "grafana", "up", "-p", project, "--assets-dir", assets.toString());
        assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
        assertThat(up.err()).contains("Only one datasource per organization can be marked as default");
        VerifyRun run = verify("grafana", project, "--no-wait");
        assertThat(run.status("stack.containers")).as(run.toString()).isEqualTo("FAIL");
        assertThat(run.hintById().get("stack.containers")).contains("isDefault");
        assertThat(run.status("grafana.health")).isEqualTo("FAIL");
        cli("grafana", "down", "-p", project);
    }
}
