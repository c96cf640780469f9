package com.peaktrade.obs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.peaktrade.obs.error.ConfigException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2); // generous: a loaded CI machine must not turn a bad answer into a timeout
    private static final String PASSWORD = "s3cret-Pa55word";
    private final FixtureServer server = FixtureServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpTransport transport() {
        return new HttpTransport(server.uri(), TIMEOUT, ConnectionSettings.PLAIN);
    }

    private static Duration timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void everyStatusComesBackAsAResponseWithBodyAndLatency() {
        server.on("/missing", FixtureServer.text(404, "text/plain", "404 page not found\n"));

        Response response = transport().send(Request.get("/missing"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("404 page not found\n");
        assertThat(response.excerpt()).isEqualTo("404 page not found");
        assertThat(response.contentType()).isEqualTo("text/plain");
        assertThat(response.url()).isEqualTo(server.uri() + "/missing");
        assertThat(response.latency()).isPositive().isLessThan(TIMEOUT);
        assertThat(response.size()).isEqualTo(19);
    }

    @Test
    void aRedirectIsReportedWithItsLocationAndNotFollowed() {
        server.on("/api/datasources", FixtureServer.redirect(302, "/login"));

        HttpFailure failure = catchThrowableOfType(
                () -> transport().send(Request.get("/api/datasources")).requireSuccess(), HttpFailure.class);

        assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.HTTP_STATUS);
        assertThat(failure.status()).isEqualTo(302);
        assertThat(failure.location()).isEqualTo("/login");
        assertThat(failure.getMessage()).isEqualTo("GET " + server.uri()
                + "/api/datasources: HTTP 302 redirect to /login (redirects are not followed: a login page or proxy?)");
        assertThat(server.requests()).extracting(FixtureServer.Recorded::pathAndQuery).containsExactly("/api/datasources");
    }

    @Test
    void aBodyBeyondTheCapIsABadResponseWithoutBufferingItAll() {
        server.on("/metrics", FixtureServer.hugeBody(64L * 1024 * 1024));
        HttpTransport small = new HttpTransport(server.uri(), Duration.ofSeconds(5), ConnectionSettings.PLAIN, 1024 * 1024);

        HttpFailure failure = catchThrowableOfType(() -> small.send(Request.get("/metrics")), HttpFailure.class);

        assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.BAD_RESPONSE);
        assertThat(failure.status()).isEqualTo(200);
        assertThat(failure.getMessage()).contains("exceeds the limit of 1048576 bytes");
    }

    @Test
    void aContentLengthBeyondTheCapIsRefusedBeforeReading() {
        server.on("/big", FixtureServer.text(200, "text/plain", "x".repeat(2048)));
        HttpTransport small = new HttpTransport(server.uri(), TIMEOUT, ConnectionSettings.PLAIN, 1024);

        HttpFailure failure = catchThrowableOfType(() -> small.send(Request.get("/big")), HttpFailure.class);

        assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("body of 2048 bytes exceeds the limit of 1024 bytes");
    }

    @Test
    void aBodyThatBreaksOffIsATruncatedBadResponse() {
        server.on("/api/v1/targets", FixtureServer.truncated(5000, "{\"status\":\"success\",\"da"));

        HttpFailure failure = catchThrowableOfType(() -> transport().send(Request.get("/api/v1/targets")),
                HttpFailure.class);

        assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("truncated");
    }

    @Test
    void aBodyThatNeverEndsFailsAsTimeoutWithinTheBound() {
        server.on("/api/v1/query", FixtureServer.endlessBody());
        HttpFailure[] failure = new HttpFailure[1];

        Duration elapsed = timed(() -> failure[0] = catchThrowableOfType(
                () -> transport().send(Request.get("/api/v1/query")), HttpFailure.class));

        assertThat(failure[0].kind()).isEqualTo(HttpFailure.Kind.TIMEOUT);
        assertThat(failure[0].getMessage()).endsWith("headers came but the body did not end within 2s");
        assertThat(elapsed).isLessThan(TIMEOUT.plusSeconds(1));
        assertThat(failure[0].retryable()).isTrue();
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersTimesOut() {
        try (Hostile.Peer peer = Hostile.ACCEPTS_AND_NEVER_ANSWERS.start()) {
            HttpFailure[] failure = new HttpFailure[1];
            Duration elapsed = timed(() -> failure[0] = catchThrowableOfType(
                    () -> new HttpTransport(peer.uri(), TIMEOUT, ConnectionSettings.PLAIN).send(Request.get("/-/ready")),
                    HttpFailure.class));

            assertThat(failure[0].kind()).isEqualTo(HttpFailure.Kind.TIMEOUT);
            assertThat(failure[0].status()).isEqualTo(-1);
            assertThat(elapsed).isLessThan(TIMEOUT.plusSeconds(1));
        }
    }

    @Test
    void aClosedPortIsUnreachableWithConnectionRefused() {
        URI closed = URI.create("http://127.0.0.1:" + Hostile.closedPort());

        HttpFailure failure = catchThrowableOfType(
                () -> new HttpTransport(closed, TIMEOUT, ConnectionSettings.PLAIN).send(Request.get("/api/health")), HttpFailure.class);

        assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.UNREACHABLE);
        assertThat(failure.getMessage()).isEqualTo("GET " + closed + "/api/health: connection refused (nothing listens there?)");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void anHttpsUrlForAPlainPortThatAnswersIsUnreachableWithATlsHint() {
        try (RawPeer peer = RawPeer.plainHttpAnsweringTls()) {
            HttpFailure failure = catchThrowableOfType(
                    () -> new HttpTransport(peer.uri(), TIMEOUT, ConnectionSettings.PLAIN).send(Request.get("/api/health")),
                    HttpFailure.class);

            assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.UNREACHABLE);
            assertThat(failure.getMessage()).contains("TLS handshake failed").contains("plain HTTP port");
        }
    }

    @Test
    void anHttpsUrlForAPlainPortThatWaitsForMoreTimesOutWithATlsHint() {
        URI https = URI.create("https://127.0.0.1:" + server.port());
        HttpFailure[] failure = new HttpFailure[1];

        Duration elapsed = timed(() -> failure[0] = catchThrowableOfType(
                () -> new HttpTransport(https, TIMEOUT, ConnectionSettings.PLAIN).send(Request.get("/api/health")), HttpFailure.class));

        assertThat(failure[0].kind()).isEqualTo(HttpFailure.Kind.TIMEOUT);
        assertThat(failure[0].getMessage()).contains("does the port speak plain HTTP?");
        assertThat(elapsed).isLessThan(TIMEOUT.plusSeconds(1));
    }

    @Test
    void aPlainUrlForATlsPortIsUnreachable() {
        try (RawPeer peer = RawPeer.tlsAnsweringPlainHttp()) {
            HttpFailure failure = catchThrowableOfType(
                    () -> new HttpTransport(peer.uri(), TIMEOUT, ConnectionSettings.PLAIN).send(Request.get("/api/health")),
                    HttpFailure.class);

            assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.UNREACHABLE);
            assertThat(failure.getMessage()).contains("plain http URL for a TLS port?");
        }
    }

    @Test
    void basicAuthIsOneHeaderAndThePasswordIsScrubbedFromEchoingBodies() {
        String encoded = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        server.on("/api/datasources", FixtureServer.text(500, "text/plain",
                "auth header was Basic " + encoded + " and password " + PASSWORD));
        HttpTransport http = new HttpTransport(server.uri(), TIMEOUT, new BasicCredentials("admin", PASSWORD));

        HttpFailure failure = catchThrowableOfType(
                () -> http.send(Request.get("/api/datasources")).requireSuccess(), HttpFailure.class);

        assertThat(server.requests().get(0).authorization()).isEqualTo("Basic " + encoded);
        assertThat(failure.getMessage()).isEqualTo("GET " + server.uri()
                + "/api/datasources: HTTP 500: auth header was Basic *** and password ***");
        for (String text : new String[] {failure.getMessage(), failure.toString(), failure.bodyExcerpt(),
                http.toString(), new BasicCredentials("admin", PASSWORD).toString()}) {
            assertThat(text).doesNotContain(PASSWORD).doesNotContain(encoded);
        }
    }

    @Test
    void credentialsWrittenIntoTheUrlAreDroppedFromRequestsAndMessages() {
        URI withUserInfo = URI.create("http://admin:" + PASSWORD + "@127.0.0.1:" + server.port());
        server.on("/api/health", FixtureServer.text(502, "text/plain", "bad gateway"));
        HttpTransport http = new HttpTransport(withUserInfo, TIMEOUT, ConnectionSettings.PLAIN);

        HttpFailure failure = catchThrowableOfType(
                () -> http.send(Request.get("/api/health")).requireSuccess(), HttpFailure.class);

        assertThat(http.baseUrl().toString()).isEqualTo(server.uri().toString());
        assertThat(failure.getMessage()).doesNotContain(PASSWORD).startsWith("GET " + server.uri() + "/api/health");
        assertThat(server.requests().get(0).authorization()).isNull();
    }

    @Test
    void aRequestWithoutCredentialsSendsNoAuthorizationHeader() {
        server.on("/api/health", FixtureServer.json(200, "{}"));
        HttpTransport http = new HttpTransport(server.uri(), TIMEOUT, new BasicCredentials("admin", PASSWORD));

        http.send(Request.get("/api/health").withoutCredentials());

        assertThat(server.requests().get(0).authorization()).isNull();
    }

    @Test
    void aBasePathPrefixIsKeptInFrontOfEveryPath() {
        server.on("/grafana/api/health", FixtureServer.json(200, "{}"));
        HttpTransport http = new HttpTransport(URI.create(server.uri() + "/grafana/"), TIMEOUT, ConnectionSettings.PLAIN);

        assertThat(http.send(Request.get("/api/health")).status()).isEqualTo(200);
        assertThat(http.urlOf("/api/health")).isEqualTo(server.uri() + "/grafana/api/health");
    }

    @Test
    void aFormPostIsEncodedAndCarriesItsContentType() {
        server.on("/api/v1/query", FixtureServer.json(200, "{}"));

        transport().send(Request.postForm("/api/v1/query", java.util.Map.of("query", "sum by (le) (rate(x{a=\"b c\"}[5m]))")));

        FixtureServer.Recorded request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.body()).isEqualTo("query=sum+by+%28le%29+%28rate%28x%7Ba%3D%22b+c%22%7D%5B5m%5D%29%29");
    }

    @Test
    void anHtmlPageWhereJsonWasExpectedIsABadResponseNamingWhatCame() {
        server.on("/api/search", FixtureServer.text(200, "text/html", Hostile.LOGIN_PAGE));

        HttpFailure failure = catchThrowableOfType(() -> transport().send(Request.get("/api/search")).json(),
                HttpFailure.class);

        assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.BAD_RESPONSE);
        assertThat(failure.getMessage()).startsWith("GET " + server.uri()
                + "/api/search: expected JSON, got HTML or XML (HTTP 200, text/html: <!DOCTYPE html>");
        assertThat(failure.bodyExcerpt()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void aLongBodyIsCutToAboutThreeHundredCharactersOnOneLine() {
        server.on("/x", FixtureServer.text(500, "text/plain", "line one\n\n   line two\n" + "y".repeat(1000)));

        HttpFailure failure = catchThrowableOfType(() -> transport().send(Request.get("/x")).requireSuccess(),
                HttpFailure.class);

        assertThat(failure.bodyExcerpt()).startsWith("line one line two yyy").hasSize(301).endsWith("…");
        assertThat(failure.getMessage()).doesNotContain("\n");
    }

    @Test
    void aUrlThatIsNotHttpIsAConfigurationError() {
        assertThatThrownBy(() -> new HttpTransport(URI.create("ftp://127.0.0.1:21"), TIMEOUT, ConnectionSettings.PLAIN))
                .isInstanceOf(ConfigException.class).hasMessage("not an http(s) URL with a host: ftp://127.0.0.1:21");
        assertThatThrownBy(() -> new HttpTransport(URI.create("localhost:9092"), TIMEOUT, ConnectionSettings.PLAIN))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void aServiceUnavailableAnswerIsRecognisedAsNotReadyAndRetryable() {
        server.on("/api/v1/targets", FixtureServer.text(503, "text/plain", "Service Unavailable"));

        HttpFailure failure = catchThrowableOfType(
                () -> transport().send(Request.get("/api/v1/targets")).requireSuccess(), HttpFailure.class);

        assertThat(failure.notReady()).isTrue();
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).endsWith("/api/v1/targets: HTTP 503: Service Unavailable (gave up after 3 attempts)");
    }
}
