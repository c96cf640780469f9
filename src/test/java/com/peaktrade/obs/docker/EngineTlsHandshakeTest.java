package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.testing.TestCertificates;
import com.peaktrade.obs.testing.TestCertificates.KeyForm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fake engine on mutual TLS in this JVM (its certificate for 127.0.0.1, its trust in the test
 * CA): what a right and a wrong DOCKER_CERT_PATH do, without socat.
 */
class EngineTlsHandshakeTest {
    @TempDir
    static Path pki;
    static TestCertificates ca;
    static SSLServerSocket engine;

    @BeforeAll
    static void fakeEngine() throws Exception {
        ca = TestCertificates.authority(pki.resolve("ca"), "Engine CA");
        Path server = ca.issue(pki.resolve("server"), "engine", true, KeyForm.PKCS8_EC, 2);
        engine = (SSLServerSocket) EngineTls.load(server, "test").context().getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        engine.setNeedClientAuth(true);
        Thread serving = new Thread(EngineTlsHandshakeTest::serve, "fake-tls-engine");
        serving.setDaemon(true);
        serving.start();
    }

    @AfterAll
    static void stop() throws IOException {
        engine.close();
    }

    /** Answers every request with a /version body, one request per connection. */
    private static void serve() {
        byte[] body = "{\"Version\":\"28.5.0\",\"ApiVersion\":\"1.51\",\"Os\":\"linux\",\"Arch\":\"amd64\"}".getBytes(StandardCharsets.UTF_8);
        while (!engine.isClosed()) {
            try (SSLSocket socket = (SSLSocket) engine.accept()) {
                readHeaders(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException refusedOrClosed) {
                // a handshake the test meant to fail, or the end
            }
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        var seen = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            seen.write(b);
            if (seen.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                return;
            }
        }
    }

    private static Map<String, String> tls(String host, Path certs) {
        return Map.of("DOCKER_HOST", "tcp://" + host + ":" + engine.getLocalPort(), "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.toString());
    }

    @Test
    void theRightCertificatesReachTheEngineAndTheConnectionNamesTheCa() {
        Path client = ca.issue(pki.resolve("client"), "client", false, KeyForm.PKCS1_RSA, 2);

        try (DockerEngine connected = DockerEngine.connect(tls("127.0.0.1", client))) {
            assertThat(connected.describe()).isEqualTo("Docker 28.5.0, API 1.51, linux/amd64");
            assertThat(connected.connection()).isEqualTo("tcp://127.0.0.1:" + engine.getLocalPort()
                    + " with TLS, CA CN=Engine CA, chosen by DOCKER_HOST");
        }
    }

    @Test
    void anEngineSignedByAnotherCaIsNamedWithTheCaWeTrust() {
        TestCertificates stranger = TestCertificates.authority(pki.resolve("stranger"), "Stranger CA");
        Path client = stranger.issue(pki.resolve("client-stranger"), "client", false, KeyForm.PKCS8_RSA, 2);

        assertThatThrownBy(() -> DockerEngine.connect(tls("127.0.0.1", client)))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("the engine's certificate is not signed by CA CN=Stranger CA from " + client.resolve("ca.pem"));
    }

    @Test
    void anEngineReachedByANameItsCertificateDoesNotListIsAMismatch() {
        Path client = ca.issue(pki.resolve("client-name"), "client", false, KeyForm.SEC1_EC, 2);

        assertThatThrownBy(() -> DockerEngine.connect(tls("localhost", client)))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("the engine's certificate does not name localhost")
                .extracting(e -> ((EnvironmentException) e).hint()).asString().contains("subjectAltName");
    }
}
