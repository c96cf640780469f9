package com.peaktrade.obs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.peaktrade.obs.poll.Poller;
import com.peaktrade.obs.testing.TestCertificates;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https endpoints: trusted through the CA the user names, and every certificate problem named with a hint. */
class HttpsTrustTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    @TempDir
    Path dir;
    private HttpsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** An https server on 127.0.0.1 with a certificate for IP 127.0.0.1 from a fresh CA; days -1 = expired. */
    private TestCertificates serve(int days) throws Exception {
        TestCertificates ca = TestCertificates.authority(dir.resolve("ca"), "test CA");
        Path issued = ca.issue(dir.resolve("server"), "127.0.0.1", true, TestCertificates.KeyForm.PKCS8_RSA, days);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", PemKeys.privateKey(Files.readString(issued.resolve("key.pem"))), new char[0],
                PemKeys.certificates(Files.readString(issued.resolve("cert.pem"))).toArray(X509Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            byte[] body = "Prometheus Server is Ready.\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return ca;
    }

    private URI url(String host) {
        return URI.create("https://" + host + ":" + server.getAddress().getPort());
    }

    private static HttpTransport transport(URI url, TlsSettings tls) {
        return new HttpTransport(url, TIMEOUT, new ConnectionSettings(null, tls, null, java.util.Map.of()));
    }

    private static TlsSettings trusting(Path ca) {
        return new TlsSettings(ca, "--cacert", null, null, false);
    }

    @Test
    void aServerSignedByTheGivenCaIsTrusted() throws Exception {
        TestCertificates ca = serve(2);

        Response r = transport(url("127.0.0.1"), trusting(ca.caPem())).send(Request.get("/-/ready"));

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void withoutTheCaTheFailureSaysUnknownCaAndHowToGiveIt() throws Exception {
        serve(2);

        HttpFailure f = catchThrowableOfType(() -> transport(url("127.0.0.1"), TlsSettings.DEFAULT).send(Request.get("/-/ready")),
                HttpFailure.class);

        assertThat(f.kind()).isEqualTo(HttpFailure.Kind.TLS);
        assertThat(f.getMessage()).contains("TLS: unknown CA").contains("the JDK trust store");
        assertThat(f.hint()).contains("--cacert FILE").contains("SSL_CERT_FILE");
        assertThat(f.permanent()).isTrue();
    }

    @Test
    void anExpiredCertificateIsNamedAsExpired() throws Exception {
        TestCertificates ca = serve(-1);

        HttpFailure f = catchThrowableOfType(() -> transport(url("127.0.0.1"), trusting(ca.caPem())).send(Request.get("/")),
                HttpFailure.class);

        assertThat(f.kind()).isEqualTo(HttpFailure.Kind.TLS);
        assertThat(f.getMessage()).contains("has expired");
    }

    @Test
    void aHostTheCertificateDoesNotNameIsTheWrongHost() throws Exception {
        TestCertificates ca = serve(2);

        HttpFailure f = catchThrowableOfType(() -> transport(url("localhost"), trusting(ca.caPem())).send(Request.get("/")),
                HttpFailure.class);

        assertThat(f.kind()).isEqualTo(HttpFailure.Kind.TLS);
        assertThat(f.getMessage()).contains("wrong host").contains("localhost");
    }

    @Test
    void insecureSkipVerifyAcceptsAnythingAndSaysSo() throws Exception {
        serve(-1);
        TlsSettings insecure = new TlsSettings(null, null, null, null, true);

        Response r = transport(url("localhost"), insecure).send(Request.get("/"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(insecure.describe()).contains("NOT VERIFIED").contains("--insecure-skip-verify");
    }

    @Test
    void aWaitDoesNotSpendItsBudgetOnACertificateThatWillNotChange() throws Exception {
        serve(2);
        HttpTransport untrusting = transport(url("127.0.0.1"), TlsSettings.DEFAULT);

        Poller.Answer<Response> answer = Poller.within(Duration.ofSeconds(20)).await(() -> untrusting.send(Request.get("/")),
                r -> r.status() == 200);

        assertThat(answer.ready()).isFalse();
        assertThat(answer.attempts()).isEqualTo(1);
        assertThat(answer.elapsed()).isLessThan(Duration.ofSeconds(5));
    }
}
