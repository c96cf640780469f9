package com.peaktrade.obs.debug;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's incident: POST /-/reload answers 403 because Prometheus runs without
 * --web.enable-lifecycle. A real Prometheus (testbed image, its default flags) is the project's
 * prometheus-local; reached by URL it is not ours and is left alone, reached by project it is
 * restarted and waited for.
 */
@Tag(EngineExtension.PROMETHEUS_TAG)
@ExtendWith(EngineExtension.class)
class ReloadRestartIT {
    @TempDir
    Path cwd;

    @Test
    void forbiddenReloadLeavesAForeignPrometheusAloneAndRestartsOurs(TestEngine engine) {
        int port = engine.freePort();
        String name = engine.project() + "-prometheus-local-1";
        String id = engine.run(TestEngine.prometheusImage(), cmd -> cmd.withName(name)
                .withLabels(Map.of("com.docker.compose.service", "prometheus-local"))
                .withExposedPorts(ExposedPort.tcp(9090))
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(
                        new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", port), ExposedPort.tcp(9090)))));
        String url = "http://127.0.0.1:" + port;
        engine.awaitHttp(url + "/-/ready", 200, Duration.ofSeconds(30));
        Map<String, String> env = Map.of("XDG_STATE_HOME", cwd.resolve("state").toString(),
                "XDG_CONFIG_HOME", cwd.resolve("config").toString());
        String startedBefore = startedAt(engine, id);

        var foreign = CliProcess.run(env, cwd, "prometheus", "reload", "--prometheus-url", url);

        assertThat(foreign.exitCode()).as(foreign.toString()).isEqualTo(1);
        assertThat(foreign.out()).contains("POST " + url + "/-/reload → 403", "Lifecycle API is not enabled.")
                .contains("FAIL Prometheus at " + url + " answered 403 (Lifecycle API is not enabled.): its lifecycle API is "
                        + "off, and it is not managed by peaktrade-obs, so nothing was restarted");
        assertThat(startedAt(engine, id)).isEqualTo(startedBefore);

        var ours = CliProcess.run(env, cwd, "prometheus", "reload", "-p", engine.project());

        assertThat(ours.exitCode()).as(ours.toString()).isZero();
        assertThat(ours.out()).contains("validate: promtool check config /etc/prometheus/prometheus.yml in " + name)
                .contains("POST " + url + "/-/reload → 403")
                .contains("restart: container " + name + " restarted (the lifecycle API is off)")
                .contains("ready: " + url + "/-/ready → 200 after ")
                .contains("OK restarted " + name + " to load the config, because POST /-/reload answered 403 "
                        + "(Lifecycle API is not enabled.); it was ready again after ")
                .contains("NEXT start Prometheus with --web.enable-lifecycle");
        assertThat(startedAt(engine, id)).isNotEqualTo(startedBefore);
        engine.awaitHttp(url + "/-/ready", 200, Duration.ofSeconds(5));
    }

    private static String startedAt(TestEngine engine, String id) {
        return engine.docker().inspectContainerCmd(id).exec().getState().getStartedAt();
    }
}
