package com.peaktrade.obs.debug;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.docker.ExecResult;
import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.stack.PrometheusReload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** `prometheus reload`'s decisions, with a fixture Prometheus on 127.0.0.1 and a fake container. */
class PrometheusReloadTest {
    /** A container of ours whose promtool answers as told and which counts its restarts. */
    static final class FakeContainer implements PrometheusReload.ManagedContainer {
        final Optional<ExecResult> promtool;
        final AtomicInteger restarts = new AtomicInteger();
        Runnable onRestart = () -> { };

        FakeContainer(Optional<ExecResult> promtool) {
            this.promtool = promtool;
        }

        @Override
        public String name() {
            return "proj-prometheus-local-1";
        }

        @Override
        public String configFile() {
            return "/etc/prometheus/prometheus.yml";
        }

        @Override
        public Optional<ExecResult> validate() {
            return promtool;
        }

        @Override
        public void restart() {
            restarts.incrementAndGet();
            onRestart.run();
        }

        @Override
        public List<String> lastLogLines() {
            return List.of("level=error msg=\"Error loading config\"");
        }
    }

    private static final Optional<ExecResult> VALID = Optional.of(new ExecResult(0,
            "Checking /etc/prometheus/prometheus.yml\n SUCCESS: /etc/prometheus/prometheus.yml is valid prometheus config file syntax\n",
            "", false));

    private static PrometheusClient client(FixtureServer server) {
        return new PrometheusClient(server.uri(), Duration.ofSeconds(10));
    }

    private static long reloads(FixtureServer server) {
        return server.requests().stream().filter(r -> r.pathAndQuery().equals("/-/reload")).count();
    }

    @Test
    void validConfigAnd200IsAReload() {
        try (FixtureServer prometheus = FixtureServer.start().on("/-/reload", FixtureServer.text(200, "text/plain", ""))) {
            FakeContainer container = new FakeContainer(VALID);
            var result = new PrometheusReload(Duration.ofSeconds(5)).reload(client(prometheus), container);
            assertThat(result.kind()).isEqualTo(PrometheusReload.Kind.RELOADED);
            assertThat(result.ok()).isTrue();
            assertThat(result.steps().get(0)).startsWith("validate: promtool check config /etc/prometheus/prometheus.yml in "
                    + "proj-prometheus-local-1: Checking /etc/prometheus/prometheus.yml; SUCCESS");
            assertThat(result.steps().get(1)).startsWith("POST " + prometheus.uri() + "/-/reload → 200");
            assertThat(prometheus.requests()).extracting(FixtureServer.Recorded::method).containsExactly("POST");
            assertThat(container.restarts).hasValue(0);
        }
    }

    @Test
    void invalidConfigStopsBeforeTheReloadAndChangesNothing() {
        try (FixtureServer prometheus = FixtureServer.start().on("/-/reload", FixtureServer.text(200, "text/plain", ""))) {
            FakeContainer container = new FakeContainer(Optional.of(new ExecResult(1, "Checking /etc/prometheus/prometheus.yml\n"
                    + "  FAILED: parsing YAML file /etc/prometheus/prometheus.yml: yaml: line 3: mapping values are not allowed\n",
                    "", false)));
            var result = new PrometheusReload(Duration.ofSeconds(5)).reload(client(prometheus), container);
            assertThat(result.kind()).isEqualTo(PrometheusReload.Kind.INVALID_CONFIG);
            assertThat(result.message()).isEqualTo("the config /etc/prometheus/prometheus.yml is invalid; nothing was reloaded, "
                    + "Prometheus keeps running with its current config");
            assertThat(result.steps()).contains("  |   FAILED: parsing YAML file /etc/prometheus/prometheus.yml: yaml: line 3: "
                    + "mapping values are not allowed");
            assertThat(reloads(prometheus)).isZero();
            assertThat(container.restarts).hasValue(0);
        }
    }

    @Test
    void imageWithoutPromtoolGoesStraightToTheReload() {
        try (FixtureServer prometheus = FixtureServer.start().on("/-/reload", FixtureServer.text(200, "text/plain", ""))) {
            var result = new PrometheusReload(Duration.ofSeconds(5)).reload(client(prometheus), new FakeContainer(Optional.empty()));
            assertThat(result.kind()).isEqualTo(PrometheusReload.Kind.RELOADED);
            assertThat(result.steps().get(0)).isEqualTo("validate: no promtool in proj-prometheus-local-1; Prometheus checks the "
                    + "file itself on reload");
        }
    }

    @Test
    void rejectedConfigPrintsPrometheusErrorAndKeepsTheOldOne() {
        String error = "failed to reload config: couldn't load configuration (--config.file=\"/etc/prometheus/prometheus.yml\"): "
                + "parsing YAML file /etc/prometheus/prometheus.yml: yaml: unmarshal errors";
        try (FixtureServer prometheus = FixtureServer.start().on("/-/reload", FixtureServer.text(500, "text/plain", error + "\n"))) {
            FakeContainer container = new FakeContainer(VALID);
            var result = new PrometheusReload(Duration.ofSeconds(5)).reload(client(prometheus), container);
            assertThat(result.kind()).isEqualTo(PrometheusReload.Kind.REJECTED);
            assertThat(result.ok()).isFalse();
            assertThat(result.message()).isEqualTo("Prometheus rejected the new config and keeps running with the old one: " + error);
            assertThat(container.restarts).hasValue(0);
        }
    }

    @Test
    void forbiddenOnOurContainerRestartsItAndWaitsUntilReady() {
        AtomicInteger readyCalls = new AtomicInteger();
        try (FixtureServer prometheus = FixtureServer.start()
                .on("/-/reload", FixtureServer.text(403, "text/plain", "Lifecycle API is not enabled.\n"))
                .on("/-/ready", exchange -> {
                    // starting up for two probes, then ready
                    int n = readyCalls.incrementAndGet();
                    FixtureServer.text(n < 3 ? 503 : 200, "text/plain", n < 3 ? "Service Unavailable" : "Prometheus Server is Ready.\n")
                            .respond(exchange);
                })) {
            FakeContainer container = new FakeContainer(VALID);
            var result = new PrometheusReload(Duration.ofSeconds(10)).reload(client(prometheus), container);
            assertThat(result.kind()).as(result.toString()).isEqualTo(PrometheusReload.Kind.RESTARTED);
            assertThat(result.ok()).isTrue();
            assertThat(container.restarts).hasValue(1);
            assertThat(readyCalls.get()).isEqualTo(3);
            assertThat(result.message()).startsWith("restarted proj-prometheus-local-1 to load the config, because POST /-/reload "
                    + "answered 403 (Lifecycle API is not enabled.); it was ready again after ");
            assertThat(result.hint()).contains("--web.enable-lifecycle");
        }
    }

    @Test
    void forbiddenOnAPrometheusThatIsNotOursTouchesNothing() {
        try (FixtureServer prometheus = FixtureServer.start()
                .on("/-/reload", FixtureServer.text(403, "text/plain", "Lifecycle API is not enabled.\n"))) {
            var result = new PrometheusReload(Duration.ofSeconds(5)).reload(client(prometheus), null);
            assertThat(result.kind()).isEqualTo(PrometheusReload.Kind.FORBIDDEN);
            assertThat(result.ok()).isFalse();
            assertThat(result.message()).isEqualTo("Prometheus at " + prometheus.uri() + " answered 403 (Lifecycle API is not "
                    + "enabled.): its lifecycle API is off, and it is not managed by peaktrade-obs, so nothing was restarted");
            assertThat(prometheus.requests()).extracting(FixtureServer.Recorded::pathAndQuery).containsExactly("/-/reload");
        }
    }

    @Test
    void restartThatNeverGetsReadyFailsWithTheLastLogLines() {
        try (FixtureServer prometheus = FixtureServer.start()
                .on("/-/reload", FixtureServer.text(403, "text/plain", "Lifecycle API is not enabled.\n"))
                .on("/-/ready", FixtureServer.text(503, "text/plain", "Service Unavailable"))) {
            FakeContainer container = new FakeContainer(Optional.empty());
            var result = new PrometheusReload(Duration.ofMillis(700)).reload(client(prometheus), container);
            assertThat(result.kind()).isEqualTo(PrometheusReload.Kind.NOT_READY_AFTER_RESTART);
            assertThat(result.ok()).isFalse();
            assertThat(result.steps()).contains("  | level=error msg=\"Error loading config\"");
        }
    }
}
