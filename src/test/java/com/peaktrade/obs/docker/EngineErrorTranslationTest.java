package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.compose.ComposeLoader;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.LoadRequest;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.error.ObsException;
import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine on tcp that answers like a real one until it refuses: 500 on container create, 409
 * on network removal. Each refusal is exit 3 naming the resource and the engine, never the
 * "internal error" of a raw docker-java exception.
 */
class EngineErrorTranslationTest {
    private static final String VERSION = "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\",\"Os\":\"linux\",\"Arch\":\"amd64\"}";

    @TempDir
    Path dir;

    private final FixtureServer engine = FixtureServer.start().onAny(exchange -> {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        FixtureServer.Responder answer;
        if (path.equals("/version")) {
            answer = FixtureServer.json(200, VERSION);
        } else if (method.equals("GET") && (path.equals("/containers/json") || path.equals("/volumes"))) {
            answer = FixtureServer.json(200, path.equals("/volumes") ? "{\"Volumes\":[]}" : "[]");
        } else if (method.equals("GET") && path.equals("/networks")) {
            // up looks the network up by name (none yet); down lists the project's (one)
            answer = FixtureServer.json(200, exchange.getRequestURI().getRawQuery().contains("label")
                    ? "[{\"Id\":\"n1\",\"Name\":\"ptobs-fake_default\"}]" : "[]");
        } else if (method.equals("GET") && path.startsWith("/images/")) {
            answer = FixtureServer.json(200, "{\"Id\":\"sha256:0123\",\"Config\":{\"Labels\":{}}}");
        } else if (path.equals("/networks/create")) {
            answer = FixtureServer.json(201, "{\"Id\":\"n1\"}");
        } else if (path.equals("/containers/create")) {
            answer = FixtureServer.json(500, "{\"message\":\"mkdir /var/lib/docker/overlay2/x: no space left on device\"}");
        } else if (method.equals("DELETE") && path.equals("/networks/n1")) {
            answer = FixtureServer.json(409, "{\"message\":\"error while removing network: network ptobs-fake_default id n1 "
                    + "has active endpoints\"}");
        } else {
            answer = FixtureServer.json(404, "{\"message\":\"No such object\"}");
        }
        answer.respond(exchange);
    });

    @AfterEach
    void stop() {
        engine.close();
    }

    private String host() {
        return "tcp://127.0.0.1:" + engine.port();
    }

    @Test
    void aContainerCreateTheEngineFailsIsExit3NamingTheContainerAndTheEngine() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    image: busybox:1\n");
        ComposeProject project = new ComposeLoader().load(
                new LoadRequest(java.util.List.of(dir.resolve("compose.yaml")), "ptobs-fake", Map.of(), null)).project();

        try (DockerEngine docker = DockerEngine.connect(Map.of("DOCKER_HOST", host()))) {
            assertThatThrownBy(() -> new ComposeEngine(docker).up(project,
                    new ComposeEngine.UpOptions(false, false, true, Duration.ofSeconds(5)), UpListener.SILENT))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessage("create container ptobs-fake-app-1 failed on the Docker engine at " + host() + " (DOCKER_HOST): "
                            + "mkdir /var/lib/docker/overlay2/x: no space left on device (HTTP 500)")
                    .extracting(e -> ((ObsException) e).exitCode()).isEqualTo(3);
        }
    }

    @Test
    void downWhoseNetworkIsStillInUseIsExit3NamingTheNetworkInTheCli() {
        var down = ChildJvm.run(ChildJvm.testClassPath(), Map.of("DOCKER_HOST", host(), "XDG_STATE_HOME", dir.toString(),
                "XDG_CONFIG_HOME", dir.toString()), dir, "shadow", "down", "-p", "ptobs-fake");

        assertThat(down.exitCode()).as(down.toString()).isEqualTo(3);
        assertThat(down.err()).as(down.toString())
                .startsWith("error: project ptobs-fake is down except what the Docker engine at " + host()
                        + " (DOCKER_HOST) refused to remove as still in use: network ptobs-fake_default (error while removing "
                        + "network: network ptobs-fake_default id n1 has active endpoints)\nhint: a container outside the project")
                .doesNotContain("internal error").doesNotContain("\tat ");
    }
}
