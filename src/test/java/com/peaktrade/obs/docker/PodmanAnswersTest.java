package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.compose.ComposeLoader;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.LoadRequest;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.error.ObsException;
import com.peaktrade.obs.http.FixtureServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine on tcp answering as rootful podman 4.3's Docker API does on a host whose hard
 * RLIMIT_NOFILE is below the 1048576 podman gives containers: /version names the Podman Engine,
 * and every container start is refused by the runtime.
 */
class PodmanAnswersTest {
    /** podman 4.3.1's /version, shortened. */
    private static final String VERSION = "{\"Platform\":{\"Name\":\"linux/amd64/debian-12\"},\"Components\":[{\"Name\":"
            + "\"Podman Engine\",\"Version\":\"4.3.1\",\"Details\":{\"APIVersion\":\"4.3.1\"}},{\"Name\":\"Conmon\","
            + "\"Version\":\"conmon version 2.1.6\"}],\"Version\":\"4.3.1\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.24\","
            + "\"Os\":\"linux\",\"Arch\":\"amd64\"}";
    private static final String REFUSED = "runc: runc create failed: unable to start container process: error during container "
            + "init: error setting rlimits for ready process: error setting rlimit type 7: operation not permitted: OCI permission denied";

    @TempDir
    Path dir;

    private final FixtureServer engine = FixtureServer.start().onAny(exchange -> {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        FixtureServer.Responder answer;
        if (path.endsWith("/version")) {
            answer = FixtureServer.json(200, VERSION);
        } else if (method.equals("GET") && (path.endsWith("/containers/json") || path.endsWith("/networks"))) {
            answer = FixtureServer.json(200, "[]");
        } else if (method.equals("GET") && path.contains("/images/")) {
            answer = FixtureServer.json(200, "{\"Id\":\"sha256:0123\",\"Config\":{\"Labels\":{}}}");
        } else if (path.endsWith("/networks/create")) {
            answer = FixtureServer.json(201, "{\"Id\":\"n1\"}");
        } else if (path.endsWith("/containers/create")) {
            answer = FixtureServer.json(201, "{\"Id\":\"c1\",\"Warnings\":[]}");
        } else if (path.endsWith("/containers/c1/start")) {
            answer = FixtureServer.json(500, "{\"cause\":\"operation not permitted\",\"message\":\"" + REFUSED + "\",\"response\":500}");
        } else {
            answer = FixtureServer.json(404, "{\"message\":\"no such object\"}");
        }
        answer.respond(exchange);
    });

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void theEngineIsNamedPodmanNotDocker() {
        try (DockerEngine podman = DockerEngine.connect(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + engine.port()))) {
            assertThat(podman.describe()).isEqualTo("Podman Engine 4.3.1, API 1.41, linux/amd64");
        }
    }

    @Test
    void aStartTheRuntimeRefusesForItsRlimitsIsExit3WithTheEnginesMessageAndTheContainersConfFix() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    image: busybox:1\n");
        ComposeProject project = new ComposeLoader().load(
                new LoadRequest(List.of(dir.resolve("compose.yaml")), "ptobs-podman", Map.of(), null)).project();

        try (DockerEngine podman = DockerEngine.connect(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + engine.port()))) {
            assertThatThrownBy(() -> new ComposeEngine(podman).up(project,
                    new ComposeEngine.UpOptions(false, false, true, Duration.ofSeconds(5)), UpListener.SILENT))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessageStartingWith("container ptobs-podman-app-1 could not start on the Podman Engine at tcp://127.0.0.1:"
                            + engine.port() + " (DOCKER_HOST): " + REFUSED)
                    .satisfies(e -> {
                        assertThat(((ObsException) e).exitCode()).isEqualTo(3);
                        assertThat(((EnvironmentException) e).hint()).contains("default_ulimits").contains("containers.conf")
                                .contains("ulimit -Hn").contains("restart the podman service");
                    });
        }
    }
}
