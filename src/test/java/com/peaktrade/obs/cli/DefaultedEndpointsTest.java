package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.check.Reporters;
import com.peaktrade.obs.check.RunOptions;
import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.session.Session;
import com.peaktrade.obs.stack.EndpointResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * URL mode guesses nothing silently: an endpoint nobody gave is named as defaulted, and when nothing
 * listens there its check fails at once instead of waiting out its budget (grafana.health: 90 s).
 * Run as `grafana verify --prometheus-url URL` runs, with the session's environment given by the test.
 */
class DefaultedEndpointsTest {
    private static final Duration GENEROUS = Duration.ofSeconds(15);

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static FixtureServer readyPrometheus() {
        return FixtureServer.start().on("/-/ready", FixtureServer.text(200, "text/plain", "Prometheus Server is Ready.\n"));
    }

    /** grafana verify --prometheus-url URL, in this environment: the report's lines and how long the run took. */
    private static String verify(Map<String, String> env, String prometheusUrl, Duration[] took) {
        ProjectOption noProject = new ProjectOption();
        long start = System.nanoTime();
        try (Session session = new Session(env)) {
            VerifyPlan verify = VerifyPlan.of(session, "grafana", BuiltInStacks.embedded(), noProject,
                    Map.of(Role.PROMETHEUS, prometheusUrl), com.peaktrade.obs.stack.AccessOptions.NONE);
            Report report = verify.run(new RunOptions(null, Map.of(), false, RunOptions.DEFAULT_PARALLELISM));
            took[0] = Duration.ofNanos(System.nanoTime() - start);
            StringWriter out = new StringWriter();
            Reporters.byName("lines").write(report, new PrintWriter(out));
            return out.toString();
        }
    }

    @Test
    void aGrafanaNobodyGaveIsNamedAsDefaultedAndFailsWithinSecondsWhenNothingListensThere() throws IOException {
        int port = closedPort();
        Duration[] took = new Duration[1];
        try (FixtureServer prometheus = readyPrometheus()) {
            String out = verify(Map.of("PEAKTRADE_OBS_GRAFANA_PORT", Integer.toString(port)), prometheus.uri().toString(), took);
            assertThat(out).contains("PASS|prometheus.ready|ready at " + prometheus.uri())
                    .contains("FAIL|grafana.health|Grafana not reachable at http://127.0.0.1:" + port
                            + " (defaulted: no --grafana-url): connection refused")
                    .contains("NEXT|nobody gave a URL for it, so the default was tried: give --grafana-url URL")
                    .contains("SKIP|grafana.auth|")
                    .contains("INFO|endpoint|grafana http://127.0.0.1:" + port + " (defaulted: no --grafana-url)")
                    .doesNotContain("INFO|endpoint|prometheus")
                    .endsWith("RESULT=FAIL\n");
            assertThat(took[0]).as(out).isLessThan(GENEROUS);
        }
    }

    @Test
    void aDefaultedGrafanaThatAnswersIsCheckedAsUsualAndStillNamed() throws IOException {
        try (FixtureServer prometheus = readyPrometheus();
                FixtureServer grafana = FixtureServer.start().on("/api/health",
                        FixtureServer.json(200, "{\"database\":\"ok\",\"version\":\"12.4.5\"}"))) {
            int port = grafana.uri().getPort();
            String out = verify(Map.of("PEAKTRADE_OBS_GRAFANA_PORT", Integer.toString(port)), prometheus.uri().toString(),
                    new Duration[1]);
            assertThat(out).contains("PASS|grafana.health|Grafana 12.4.5, database ok")
                    .contains("INFO|endpoint|grafana http://127.0.0.1:" + port + " (defaulted: no --grafana-url)");
        }
    }
}
