package com.peaktrade.obs.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The testbed Prometheus image behaves like prom/prometheus where the stacks rely on it. */
@Tag(EngineExtension.PROMETHEUS_TAG)
@ExtendWith(EngineExtension.class)
class TestbedPrometheusIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prometheusWithMountedScrapeConfigIsReadyAndListsTheConfiguredJob(TestEngine engine, @TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 2s
                scrape_configs:
                  - job_name: it_probe_job
                    static_configs:
                      - targets: ["localhost:9090"]
                """);
        config.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        int port = engine.freePort();

        String id = engine.run(TestEngine.prometheusImage(), cmd -> cmd
                .withExposedPorts(ExposedPort.tcp(9090))
                .withHostConfig(HostConfig.newHostConfig()
                        .withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", port),
                                ExposedPort.tcp(9090)))
                        .withBinds(new Bind(config.toString(), new Volume("/etc/prometheus/prometheus.yml"),
                                com.github.dockerjava.api.model.AccessMode.ro))));

        String base = "http://127.0.0.1:" + port;
        String ready = engine.awaitHttp(base + "/-/ready", 200, Duration.ofSeconds(30));
        assertThat(ready).as(engine.logs(id)).contains("Ready");

        // Ready comes before the scrape manager has applied the config: targets are briefly empty.
        JsonNode targets = engine.awaitJson(base + "/api/v1/targets", Duration.ofSeconds(10),
                t -> t.path("data").path("activeTargets").size() > 0);
        assertThat(targets.path("status").asText()).isEqualTo("success");
        assertThat(targets.path("data").path("activeTargets").findValuesAsText("scrapePool"))
                .as("scrape pools of %s", targets)
                .containsExactly("it_probe_job");

        var inspect = engine.docker().inspectContainerCmd(id).exec();
        assertThat(inspect.getConfig().getUser()).as("runs as nobody like prom/prometheus").isEqualTo("nobody");
        assertThat(inspect.getConfig().getEntrypoint()).containsExactly("/bin/prometheus");
        assertThat(inspect.getConfig().getWorkingDir()).as("working directory as upstream").isEqualTo("/prometheus");
    }

    /**
     * The team's own compose file overrides {@code command:} without {@code --storage.tsdb.path};
     * upstream then writes to data/ under its working directory /prometheus. An image that kept
     * Debian's default (/var/lib/prometheus/metrics2, not writable by nobody) crash-looped here.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overrides")
    void prometheusStartsAndStoresUnderPrometheusDataWhenComposeOverridesTheCommand(String why, String[] entrypoint,
            String[] command, TestEngine engine) {
        int port = engine.freePort();
        String id = engine.run(TestEngine.prometheusImage(), cmd -> {
            cmd.withExposedPorts(ExposedPort.tcp(9090)).withHostConfig(HostConfig.newHostConfig()
                    .withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", port),
                            ExposedPort.tcp(9090))));
            if (entrypoint != null) {
                cmd.withEntrypoint(entrypoint);
            }
            cmd.withCmd(command);
        });
        String base = "http://127.0.0.1:" + port;
        engine.awaitHttp(base + "/-/ready", 200, Duration.ofSeconds(30));
        String listing = engine.exec(id, "ls", "/prometheus/data");
        assertThat(listing).as("TSDB files in /prometheus/data; logs: %s", engine.logs(id)).contains("wal");
        var inspect = engine.docker().inspectContainerCmd(id).exec();
        assertThat(inspect.getRestartCount()).isZero();
        assertThat(inspect.getState().getRunning()).as(engine.logs(id)).isTrue();
    }

    static Stream<Arguments> overrides() {
        return Stream.of(
                Arguments.of("command list without a storage path (the team's pattern)", null, new String[] {
                        "--config.file=/etc/prometheus/prometheus.yml", "--web.enable-lifecycle"}),
                Arguments.of("entrypoint through a shell, relative paths from the working directory",
                        new String[] {"/bin/sh", "-c"},
                        new String[] {"exec prometheus --config.file=/etc/prometheus/prometheus.yml"}));
    }
}
