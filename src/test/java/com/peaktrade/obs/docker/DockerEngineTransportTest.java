package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.http.PlaintextOnly;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which TLS context the engine transport gets decides whether it speaks http or https. */
class DockerEngineTransportTest {
    @Test
    void aPlainTcpEngineIsSpokenToInPlainHttp() throws Exception {
        HttpServer engine = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] version = "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\",\"Os\":\"linux\",\"Arch\":\"amd64\"}"
                .getBytes(StandardCharsets.UTF_8);
        engine.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, version.length);
            exchange.getResponseBody().write(version);
            exchange.close();
        });
        engine.start();
        try (DockerEngine connected = DockerEngine.connect(
                Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + engine.getAddress().getPort()))) {
            assertThat(connected.describe()).isEqualTo("Docker 20.10.24, API 1.41, linux/amd64");
            assertThat(connected.connection()).isEqualTo(
                    "tcp://127.0.0.1:" + engine.getAddress().getPort() + " without TLS, chosen by DOCKER_HOST");
        } finally {
            engine.stop(0);
        }
    }

    @Test
    void onlyALocalSocketGetsThePlaintextContext() throws Exception {
        try (var socket = EngineTransport.open(new DockerEndpoint("unix:///var/run/docker.sock", "default socket"), Map.of(), false);
                var tcp = EngineTransport.open(new DockerEndpoint("tcp://127.0.0.1:2375", "DOCKER_HOST"), Map.of(), false)) {
            assertThat(socket.sslConfig().getSSLContext()).isSameAs(PlaintextOnly.context());
            assertThat(tcp.sslConfig()).as("tcp:// without TLS settings: no context, so plain http").isNull();
            assertThat(socket.describe()).isEqualTo("socket /var/run/docker.sock");
        }
    }

    @Test
    void aContextWhoseEngineIsDownIsNamedInTheHint(@TempDir Path config) throws Exception {
        Path meta = config.resolve("contexts/meta").resolve(DockerHostDiscovery.sha256("lab"));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Endpoints\":{\"docker\":{\"Host\":\"unix:///nonexistent/lab.sock\"}}}");

        assertThatThrownBy(() -> DockerEngine.connect(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "lab")))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("unix:///nonexistent/lab.sock (DOCKER_CONTEXT 'lab')")
                .extracting(e -> ((EnvironmentException) e).hint()).asString()
                .contains("the docker context 'lab' points at unix:///nonexistent/lab.sock").contains("unset DOCKER_CONTEXT");
    }

    @Test
    void anSshEngineWithoutAnSshProgramIsANamedErrorBeforeAnyConnection() {
        assertThatThrownBy(() -> DockerEngine.connect(Map.of("DOCKER_HOST", "ssh://me@box", "PATH", "/nonexistent")))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("the Docker engine is reached over ssh, but no ssh program is on PATH");
    }
}
