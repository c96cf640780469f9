package com.peaktrade.obs.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.peaktrade.obs.cli.Main;
import com.peaktrade.obs.http.FixtureServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `app verify` against a local fixture playing each of the web app's /metrics states. A Prometheus
 * URL is always given (a fixture or a closed port), so no test depends on what runs on the machine.
 */
class AppVerifyTest {
    private static final String NO_PROMETHEUS = "http://127.0.0.1:1";

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    static Run run(String... args) {
        CommandLine cli = Main.newCommandLine(args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run verify(FixtureServer app, String... extra) {
        String[] args = new String[6 + extra.length];
        args[0] = "app";
        args[1] = "verify";
        args[2] = "--url";
        args[3] = app.uri() + "/metrics";
        args[4] = "--prometheus-url";
        args[5] = NO_PROMETHEUS;
        System.arraycopy(extra, 0, args, 6, extra.length);
        return run(args);
    }

    @Test
    void enabledAppWithHttpMetricsPasses() {
        try (FixtureServer app = AppFixture.ENABLED.start()) {
            Run run = verify(app);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("PASS|app.metrics|enabled: real metrics: 1 python_* and 1 process_* families plus 2 "
                    + "peak_trade_http_* families").endsWith("RESULT=PASS\n");
        }
    }

    @Test
    void clientPresentButFlagOffFailsWithTheFlagHint() {
        try (FixtureServer app = AppFixture.FLAG_OFF.start()) {
            Run run = verify(app);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL|app.metrics|prometheus_client present, flag off: prometheus_client is present "
                    + "(2 python_* and 1 process_* families) but no peak_trade_http_* metrics: PEAK_TRADE_PROMETHEUS_ENABLED is not set")
                    .contains("NEXT|set PEAK_TRADE_PROMETHEUS_ENABLED=1 in the app's environment and restart it")
                    .endsWith("RESULT=FAIL\n");
        }
    }

    @Test
    void fallbackOnlyIsAGreenFakeNeverAPass() {
        try (FixtureServer app = AppFixture.FALLBACK.start()) {
            Run run = verify(app);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL|app.metrics|fail-open fallback (green fake): only the fail-open fallback signal "
                    + "\"peak_trade_metrics_fallback 1\" (HTTP 200)")
                    .contains("NEXT|the app runs under a Python without prometheus_client", ".venv/bin/python",
                            "PEAK_TRADE_PROMETHEUS_ENABLED=1", "REQUIRE_PROMETHEUS_CLIENT=1")
                    .doesNotContain("PASS|app.metrics");
        }
    }

    @Test
    void strict503GetsTheRunbookHint() {
        try (FixtureServer app = AppFixture.STRICT.start()) {
            Run run = verify(app);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL|app.metrics|strict: prometheus_client unavailable: HTTP 503 "
                    + "\"prometheus_client required but unavailable\"")
                    .contains("NEXT|the app runs under a Python without prometheus_client");
        }
    }

    @Test
    void unreachableAppNamesHostAndPort() {
        Run run = run("app", "verify", "--url", "http://127.0.0.1:1/metrics", "--prometheus-url", NO_PROMETHEUS);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL|app.metrics|unreachable: nothing answers at 127.0.0.1:1 (connection refused")
                .contains("NEXT|is the web app running and listening on 127.0.0.1:1?");
    }

    @Test
    void unrelatedMetricsAreNotMistakenForTheApp() {
        try (FixtureServer app = FixtureServer.start().on("/metrics", FixtureServer.text(200, "text/plain", "go_goroutines 7\n"))) {
            Run run = verify(app);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("FAIL|app.metrics|not the app's metrics: HTTP 200 with 1 families");
        }
    }

    @Test
    void unreachablePrometheusSkipsTheTargetCheckWithoutFailingTheRun() {
        try (FixtureServer app = AppFixture.ENABLED.start()) {
            Run run = verify(app);
            assertThat(run.out()).contains("SKIP|app.target|our Prometheus (--prometheus-url) does not answer at http://127.0.0.1:1");
            assertThat(run.exitCode()).isZero();
        }
    }

    @Test
    void prometheusScrapingTheAppReportsTheTargetUp() {
        try (FixtureServer app = AppFixture.ENABLED.start();
                FixtureServer prometheus = FixtureServer.start().on("/api/v1/targets", FixtureServer.json(200,
                        AppFixture.targetsJson("up", "http://host.docker.internal:8000/metrics", "")))) {
            Run run = run("app", "verify", "--url", app.uri() + "/metrics", "--prometheus-url", prometheus.uri().toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("PASS|app.target|job peak_trade_web scrapes the app: up at "
                    + "http://host.docker.internal:8000/metrics (Prometheus of --prometheus-url)");
        }
    }

    @Test
    void localhostTargetIsTheIncidentAndGetsTheHostDockerInternalHint() {
        try (FixtureServer app = AppFixture.ENABLED.start();
                FixtureServer prometheus = FixtureServer.start().on("/api/v1/targets", FixtureServer.json(200,
                        AppFixture.targetsJson("down", "http://localhost:8000/metrics",
                                "Get \\\"http://localhost:8000/metrics\\\": dial tcp 127.0.0.1:8000: connect: connection refused")))) {
            Run run = run("app", "verify", "--url", app.uri() + "/metrics", "--prometheus-url", prometheus.uri().toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("PASS|app.metrics|")
                    .contains("FAIL|app.target|job peak_trade_web is down at http://localhost:8000/metrics")
                    .contains("NEXT|inside the Prometheus container localhost is the container itself", "host.docker.internal");
        }
    }

    @Test
    void hostDockerInternalTargetDownGetsTheLinuxBindNote() {
        try (FixtureServer app = AppFixture.ENABLED.start();
                FixtureServer prometheus = FixtureServer.start().on("/api/v1/targets", FixtureServer.json(200,
                        AppFixture.targetsJson("down", "http://host.docker.internal:8000/metrics", "connect: connection refused")))) {
            Run run = run("app", "verify", "--url", app.uri() + "/metrics", "--prometheus-url", prometheus.uri().toString());
            assertThat(run.out()).contains("FAIL|app.target|job peak_trade_web is down at http://host.docker.internal:8000/metrics")
                    .contains("bound to 127.0.0.1 is not reachable from containers", "--host 0.0.0.0", "host networking");
        }
    }

    @Test
    void prometheusWithoutTheJobFailsNamingTheJobsItHas() {
        try (FixtureServer app = AppFixture.ENABLED.start();
                FixtureServer prometheus = FixtureServer.start().on("/api/v1/targets", FixtureServer.json(200,
                        "{\"status\":\"success\",\"data\":{\"activeTargets\":[],\"droppedTargets\":[]}}"))) {
            Run run = run("app", "verify", "--url", app.uri() + "/metrics", "--prometheus-url", prometheus.uri().toString());
            assertThat(run.out()).contains("FAIL|app.target|Prometheus (--prometheus-url) has no target for job peak_trade_web "
                    + "(jobs present: none)");
        }
    }

    @Test
    void jsonAndJunitUseTheSameReportersAsVerify(@TempDir Path dir) throws Exception {
        try (FixtureServer app = AppFixture.FALLBACK.start()) {
            Path report = dir.resolve("app.xml");
            Run run = verify(app, "--format", "json", "--report", report.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            JsonNode doc = new ObjectMapper().readTree(run.out());
            assertThat(doc.toString()).contains("\"app.metrics\"", "FAIL");
            assertThat(Files.readString(report)).contains("<testcase", "app.metrics", "<failure");
        }
    }

    @Test
    void malformedUrlIsAUsageError() {
        Run run = run("app", "verify", "--url", "127.0.0.1:8000/metrics");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--url: invalid URL '127.0.0.1:8000/metrics'");
    }
}
