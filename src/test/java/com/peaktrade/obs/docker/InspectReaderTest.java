package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.http.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fields up's waits, ps and verify read, from engine answers as Docker 20.10 gives them. */
class InspectReaderTest {
    private static final String RUNNING_HEALTHY = """
            {"Id":"4f2a","State":{"Status":"running","Running":true,"Paused":false,"Restarting":false,
             "ExitCode":0,"StartedAt":"2026-11-25T16:01:27.576Z","FinishedAt":"0001-01-01T00:00:00Z",
             "Health":{"Status":"healthy","FailingStreak":0,"Log":[]}},
             "Config":{"Env":["GF_SECURITY_ADMIN_USER=admin","PATH=/usr/bin"],"Labels":{}}}""";
    private static final String EXITED_NO_HEALTHCHECK = """
            {"Id":"9c1b","State":{"Status":"exited","Running":false,"Restarting":false,"ExitCode":137,
             "StartedAt":"2026-11-25T16:01:27Z"},"Config":{"Env":null}}""";

    @Test
    void aRunningHealthyContainerAndItsEnvironment() {
        InspectedContainer c = InspectReader.parse(tree(RUNNING_HEALTHY));

        assertThat(c.id()).isEqualTo("4f2a");
        assertThat(c.status()).isEqualTo("running");
        assertThat(c.running()).isTrue();
        assertThat(c.restarting()).isFalse();
        assertThat(c.health()).isEqualTo("healthy");
        assertThat(c.startedAt()).isEqualTo("2026-11-25T16:01:27.576Z");
        assertThat(c.env()).containsExactly("GF_SECURITY_ADMIN_USER=admin", "PATH=/usr/bin");
    }

    @Test
    void anExitedContainerWithoutHealthcheckHasItsExitCodeAndNoHealth() {
        InspectedContainer c = InspectReader.parse(tree(EXITED_NO_HEALTHCHECK));

        assertThat(c.running()).isFalse();
        assertThat(c.exitCode()).isEqualTo(137L);
        assertThat(c.health()).isEmpty();
        assertThat(c.env()).isEmpty();
    }

    @Test
    void anUnknownContainerIsEmptyAndTheRequestNamesIt() {
        FakeEngine engine = new FakeEngine(404, "{\"message\":\"No such container: ptobs-x-grafana-1\"}");

        assertThat(new InspectReader(engine.client()).inspect("ptobs-x-grafana-1")).isEmpty();
        assertThat(engine.paths).containsExactly("/containers/ptobs-x-grafana-1/json");
    }

    @Test
    void anEngineErrorIsTheEnvironmentsNamingTheContainerWithTheEnginesMessage() {
        FakeEngine engine = new FakeEngine(500, "{\"message\":\"driver failed programming external connectivity\"}");

        assertThatThrownBy(() -> new InspectReader(engine.client()).inspect("c1"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("inspect container c1 failed on the Docker engine: driver failed programming external connectivity"
                        + " (HTTP 500)");
    }

    @Test
    void aProxysErrorPageInFrontOfTheEngineIsTheEnvironmentsInItsOwnWords() {
        FakeEngine engine = new FakeEngine(502, "Bad Gateway\n");

        assertThatThrownBy(() -> new InspectReader(engine.client()).inspect("c1"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("inspect container c1 failed on the Docker engine: Bad Gateway (HTTP 502)");
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A transport that answers every request with one canned answer and records the paths. */
    private static final class FakeEngine implements DockerHttpClient {
        final List<String> paths = new ArrayList<>();
        private final int status;
        private final String body;

        FakeEngine(int status, String body) {
            this.status = status;
            this.body = body;
        }

        DockerClientImpl client() {
            var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost("unix:///nonexistent.sock").build();
            return (DockerClientImpl) DockerClientImpl.getInstance(config, this);
        }

        @Override
        public Response execute(Request request) {
            paths.add(request.path());
            return new Response() {
                @Override
                public int getStatusCode() {
                    return status;
                }

                @Override
                public Map<String, List<String>> getHeaders() {
                    return Map.of("Content-Type", List.of("application/json"));
                }

                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
