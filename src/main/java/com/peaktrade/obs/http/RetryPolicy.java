package com.peaktrade.obs.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A bounded retry with back-off for answers that say "not now": 429 Too Many Requests and the
 * transient 5xx (502, 503, 504), as an overloaded Grafana or a proxy in front of it gives them. Not
 * 500: Grafana uses it for answers that stay the same (an unknown datasource's health, grafana-facts
 * §4), so asking again would only add the back-off. At most {@code attempts} sends; between two, the server's {@code Retry-After} when it asks
 * for no more than {@code maxDelay} (asking for more ends the retries at once: waiting shorter would
 * only earn another 429), else an exponential delay from {@code firstDelay} with jitter, so eight
 * parallel callers do not come back in step. The last answer is returned as it is, with the
 * attempts it took, and the caller's usual status handling names it.
 *
 * <p>401/403 are never retried (Grafana counts failed logins towards a lockout), nor is a request
 * marked {@link Request#withoutRetry()} (health probes, which their checks poll anyway).
 */
public final class RetryPolicy {
    /** Sleeps; a test passes one that records instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final int attempts;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Sleeper sleeper;

    public RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay, Sleeper sleeper) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.sleeper = sleeper;
    }

    /** 3 attempts, 200 ms then 400 ms (± jitter), a Retry-After of up to 5 s honoured. */
    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), d -> Thread.sleep(d.toMillis()));
    }

    /** One attempt, never a retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, d -> { });
    }

    public static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Sends through {@code once} until the answer is not retryable or the attempts are used up.
     * A failure without an answer (refused, timed out) is not retried here: the checks' polling
     * owns that.
     */
    public Response send(Request request, Function<Request, Response> once) {
        Response answer = once.apply(request);
        if (!request.retry()) {
            return answer;
        }
        int sent = 1;
        while (sent < attempts && retryableStatus(answer.status())) {
            Duration delay = delay(sent, answer.retryAfter());
            if (delay == null) {
                break;
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answer = once.apply(request);
            sent++;
        }
        return sent == 1 ? answer : answer.afterAttempts(sent);
    }

    /** The pause before attempt {@code attempt + 1}; null when the server asks for more than we wait. */
    Duration delay(int attempt, String retryAfter) {
        Duration asked = parseRetryAfter(retryAfter);
        if (asked != null) {
            return asked.compareTo(maxDelay) > 0 ? null : asked;
        }
        long base = firstDelay.toMillis() << (attempt - 1);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(jittered, maxDelay.toMillis()));
    }

    /** Seconds ({@code 120}) or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
