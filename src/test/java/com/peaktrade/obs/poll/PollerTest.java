package com.peaktrade.obs.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A wait keeps its last answer: what a "not ready: last answer" message says. */
class PollerTest {
    @Test
    void aWaitThatRunsOutKeepsTheLastAnswerWithAttemptsAndTime() {
        AtomicInteger n = new AtomicInteger();
        Poller.Answer<Integer> answer = Poller.within(Duration.ofMillis(150)).await(n::incrementAndGet, v -> v > 1000);
        assertThat(answer.ready()).isFalse();
        assertThat(answer.last()).contains(answer.attempts());
        assertThat(answer.error()).isEmpty();
        assertThat(answer.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(140));
        assertThat(answer.describe(v -> "value " + v, e -> "error")).isEqualTo("value " + answer.attempts());
    }

    @Test
    void anAttemptThatThrowsIsNotYetAndItsErrorIsTheLastAnswer() {
        AtomicInteger n = new AtomicInteger();
        Poller.Answer<String> answer = Poller.within(Duration.ofMillis(100)).await(() -> {
            if (n.incrementAndGet() == 1) {
                return "starting";
            }
            throw new IllegalStateException("connection refused");
        }, "ready"::equals);
        assertThat(answer.ready()).isFalse();
        assertThat(answer.error()).get().extracting(Throwable::getMessage).isEqualTo("connection refused");
        assertThat(answer.describe(v -> v, RuntimeException::getMessage)).isEqualTo("connection refused");
    }

    @Test
    void aReadyAnswerEndsTheWaitAtOnce() {
        Poller.Answer<String> answer = Poller.within(Duration.ofSeconds(5)).await(() -> "ok", "ok"::equals);
        assertThat(answer.ready()).isTrue();
        assertThat(answer.attempts()).isEqualTo(1);
        assertThat(answer.asOutcome().value()).contains("ok");
    }

    @Test
    void nothingAnsweredIsSaidSo() {
        Poller.Answer<String> answer = Poller.within(Duration.ZERO).await(() -> null, v -> true);
        assertThat(answer.ready()).isFalse();
        assertThat(answer.describe(v -> v, RuntimeException::getMessage)).isEqualTo("no answer");
    }
}
