package com.peaktrade.obs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.peaktrade.obs.error.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** However many callers ask at once, one server sees at most the limit's requests in flight. */
class InFlightLimitTest {
    private final FixtureServer server = FixtureServer.start();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Answers after a pause, counting how many requests it holds at once. */
    private void slowServer(long pauseMillis) {
        server.onAny(exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            FixtureServer.json(200, "{}").respond(exchange);
        });
    }

    private HttpTransport transport(int limit, Duration timeout) {
        return new HttpTransport(server.uri(), timeout, ConnectionSettings.PLAIN, HttpTransport.DEFAULT_MAX_BODY_BYTES,
                new InFlightLimit(limit), RetryPolicy.none());
    }

    private List<Response> sendAtOnce(HttpTransport http, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return http.send(Request.get("/api/dashboards/uid/d" + n));
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fortyCallersAtOnceNeverPutMoreThanEightRequestsInFlight() throws Exception {
        slowServer(50);

        List<Response> answers = sendAtOnce(transport(InFlightLimit.DEFAULT_MAX, Duration.ofSeconds(10)), 40);

        assertThat(answers).hasSize(40).allMatch(r -> r.status() == 200);
        assertThat(server.requests()).hasSize(40);
        assertThat(mostInFlight.get()).isEqualTo(8);
    }

    @Test
    void aLimitOfTwoHoldsEvenWithManyCallers() throws Exception {
        slowServer(30);

        sendAtOnce(transport(2, Duration.ofSeconds(10)), 12);

        assertThat(mostInFlight.get()).isEqualTo(2);
    }

    @Test
    void aCallerThatGetsNoSlotWithinItsWaitFailsNamingTheLimitAndSendsNothing() throws Exception {
        InFlightLimit limit = new InFlightLimit(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger sent = new AtomicInteger();
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            holder.submit(() -> limit.call("GET", "http://grafana/held", Duration.ofSeconds(10), () -> {
                holding.countDown();
                try {
                    return release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            HttpFailure failure = catchThrowableOfType(() -> limit.call("GET", "http://grafana/api/search",
                    Duration.ofMillis(300), sent::incrementAndGet), HttpFailure.class);

            assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.TIMEOUT);
            assertThat(failure.getMessage()).isEqualTo("GET http://grafana/api/search: not sent: 1 requests to this server "
                    + "were in flight for 300ms (PEAKTRADE_OBS_MAX_IN_FLIGHT raises the limit)");
            assertThat(sent.get()).isZero();
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
    }

    @Test
    void theLimitComesFromTheEnvironmentAndANonsenseValueIsAConfigurationError() {
        assertThat(InFlightLimit.configured(Map.of())).isEqualTo(8);
        assertThat(InFlightLimit.configured(Map.of("PEAKTRADE_OBS_MAX_IN_FLIGHT", "3"))).isEqualTo(3);
        assertThatThrownBy(() -> InFlightLimit.configured(Map.of("PEAKTRADE_OBS_MAX_IN_FLIGHT", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("PEAKTRADE_OBS_MAX_IN_FLIGHT=0 is not a number from 1 to 64");
        assertThatThrownBy(() -> InFlightLimit.configured(Map.of("PEAKTRADE_OBS_MAX_IN_FLIGHT", "lots")))
                .isInstanceOf(ConfigException.class);
    }
}
