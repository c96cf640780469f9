package com.peaktrade.obs.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The way the shadow stack runs the exporter: the tool's own jar mounted read-only into a JRE
 * image, {@code exporter --host 0.0.0.0}, published on 127.0.0.1, stopped by SIGTERM (docker stop).
 */
@ExtendWith(EngineExtension.class)
class ExporterJarIT {
    static Path jar() {
        Path jar = Path.of(System.getProperty("peaktrade.obs.jar", "target/peaktrade-obs.jar"));
        assertThat(jar).as("the shaded jar (built by `mvn package`)").exists();
        return jar.toAbsolutePath();
    }

    @Test
    void jarInAJreContainerServesOnAllInterfacesAndStopsPromptlyOnSigterm(TestEngine engine) throws Exception {
        int hostPort = engine.freePort();
        String id = engine.run(TestEngine.jreImage(), cmd -> cmd
                .withCmd("java", "-jar", "/opt/peaktrade-obs.jar", "exporter", "--host", "0.0.0.0", "--port", "9109")
                .withExposedPorts(ExposedPort.tcp(9109))
                .withHostConfig(HostConfig.newHostConfig()
                        .withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", hostPort),
                                ExposedPort.tcp(9109)))
                        .withBinds(new Bind(jar().toString(), new Volume("/opt/peaktrade-obs.jar"), AccessMode.ro))));

        String body = engine.awaitHttp("http://127.0.0.1:" + hostPort + "/metrics", 200, Duration.ofSeconds(30));
        Exposition text = Exposition.parse(body, "");
        assertThat(text.value(ShadowMvsContract.UP, "mode", "shadow", "exchange", "sim")).as(engine.logs(id))
                .isEqualTo(1.0);
        assertThat(engine.logs(id)).contains(
                "Serving Shadow-MVS metrics (contract v1) on http://0.0.0.0:9109/metrics (mode=shadow, exchange=sim)");
        assertThat(engine.awaitHttp("http://127.0.0.1:" + hostPort + "/-/healthy", 200, Duration.ofSeconds(5)))
                .as("the health endpoint a compose healthcheck can use").isNotBlank();
        assertThat(engine.docker().inspectContainerCmd(id).exec().getMounts())
                .anySatisfy(m -> {
                    assertThat(m.getDestination().getPath()).isEqualTo("/opt/peaktrade-obs.jar");
                    assertThat(m.getRW()).as("jar mounted read-only").isFalse();
                });

        long start = System.nanoTime();
        engine.docker().stopContainerCmd(id).withTimeout(10).exec();
        long stopMillis = (System.nanoTime() - start) / 1_000_000;
        var state = engine.docker().inspectContainerCmd(id).exec().getState();
        assertThat(state.getRunning()).isFalse();
        assertThat(state.getExitCodeLong()).as("exit on SIGTERM (128+15), not SIGKILL (137)").isEqualTo(143L);
        assertThat(stopMillis).as("docker stop (SIGTERM) took %d ms", stopMillis).isLessThan(2000);
        System.out.printf("ExporterJarIT: docker stop of the exporter container took %d ms%n", stopMillis);
    }
}
