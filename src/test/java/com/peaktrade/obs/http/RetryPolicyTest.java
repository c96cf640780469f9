package com.peaktrade.obs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Grafana under load (429, 5xx) is asked again a bounded number of times, then named; never a hang. */
class RetryPolicyTest {
    private final FixtureServer server = FixtureServer.start();
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private final RetryPolicy recorded = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), slept::add);

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpTransport transport() {
        return new HttpTransport(server.uri(), Duration.ofSeconds(5), ConnectionSettings.of(new BasicCredentials("admin", "secret")),
                HttpTransport.DEFAULT_MAX_BODY_BYTES, new InFlightLimit(8), recorded);
    }

    /** The first {@code failures} answers are {@code status} (with Retry-After when given), then 200. */
    private void failingFirst(int failures, int status, String retryAfter) {
        AtomicInteger seen = new AtomicInteger();
        server.onAny(exchange -> {
            if (seen.incrementAndGet() <= failures) {
                if (retryAfter != null) {
                    exchange.getResponseHeaders().set("Retry-After", retryAfter);
                }
                FixtureServer.json(status, "{\"message\":\"slow down\"}").respond(exchange);
            } else {
                FixtureServer.json(200, "[]").respond(exchange);
            }
        });
    }

    @Test
    void a429WithRetryAfterIsAskedAgainAfterWhatTheServerAsked() {
        failingFirst(2, 429, "1");

        Response answer = transport().send(Request.get("/api/search"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.attempts()).isEqualTo(3);
        assertThat(server.requests()).hasSize(3);
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aServerThatKeepsAnswering503IsAskedThreeTimesWithGrowingPausesThenNamed() {
        failingFirst(Integer.MAX_VALUE, 503, null);

        Response answer = transport().send(Request.get("/api/dashboards/uid/x"));
        HttpFailure failure = catchThrowableOfType(answer::requireSuccess, HttpFailure.class);

        assertThat(server.requests()).hasSize(3);
        assertThat(slept).hasSize(2);
        assertThat(slept.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(slept.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(failure.getMessage()).isEqualTo("GET " + server.uri() + "/api/dashboards/uid/x: HTTP 503: slow down "
                + "(gave up after 3 attempts)");
    }

    @Test
    void aRetryAfterLongerThanWeWaitEndsTheRetriesAtOnceAndSaysSo() {
        failingFirst(Integer.MAX_VALUE, 429, "120");

        Response answer = transport().send(Request.get("/api/search"));
        HttpFailure failure = catchThrowableOfType(answer::requireSuccess, HttpFailure.class);

        assertThat(server.requests()).hasSize(1);
        assertThat(slept).isEmpty();
        assertThat(failure.getMessage()).endsWith("HTTP 429 too many requests: slow down (Retry-After 120: longer than we wait, "
                + "not retried)");
    }

    @Test
    void aRejectedLoginIsNeverSentAgain() {
        failingFirst(Integer.MAX_VALUE, 401, null);

        assertThat(transport().send(Request.get("/api/datasources")).status()).isEqualTo(401);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aHealthProbeMarkedWithoutRetryIsSentOnceEvenOn503() {
        failingFirst(Integer.MAX_VALUE, 503, null);

        assertThat(transport().send(Request.get("/api/health").withoutRetry()).status()).isEqualTo(503);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aClientErrorOtherThan429IsAnAnswerNotATransientFailure() {
        failingFirst(Integer.MAX_VALUE, 400, null);

        assertThat(transport().send(Request.postJson("/api/ds/query", "{}")).status()).isEqualTo(400);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void theStandardPolicyNeverWaitsLongerThanFiveSecondsBetweenTwoAttempts() {
        RetryPolicy standard = RetryPolicy.standard();
        for (int attempt = 1; attempt < 10; attempt++) {
            assertThat(standard.delay(attempt, null)).isLessThanOrEqualTo(Duration.ofSeconds(5));
        }
        assertThat(standard.delay(1, "5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(standard.delay(1, "6")).isNull();
        assertThat(standard.delay(1, "Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(standard.delay(1, "soon")).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }
}
