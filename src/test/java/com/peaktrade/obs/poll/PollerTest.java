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

    @Test
    void aYoungWaitAsksEvery100MsAfterA50MsStartAndAnOldOneEvery500Ms() {
        Duration first = Poller.pauseAfter(Duration.ZERO, null);
        assertThat(first).isEqualTo(Duration.ofMillis(50));
        Duration second = Poller.pauseAfter(Duration.ofMillis(50), first);
        assertThat(second).isEqualTo(Duration.ofMillis(100));
        assertThat(Poller.pauseAfter(Duration.ofSeconds(9), second)).isEqualTo(Duration.ofMillis(100));
        assertThat(Poller.pauseAfter(Poller.EAGER_FOR, second)).isEqualTo(Duration.ofMillis(500));
        assertThat(Poller.pauseAfter(Duration.ofSeconds(59), Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aWaitThatNeverEndsAsksFewerTimesOverAMinuteThanTheOldConstant250MsCeiling() {
        int attempts = 0;
        Duration elapsed = Duration.ZERO;
        Duration pause = null;
        while (elapsed.compareTo(Duration.ofSeconds(60)) < 0) {
            attempts++;
            pause = Poller.pauseAfter(elapsed, pause);
            elapsed = elapsed.plus(pause);
        }
        assertThat(attempts).isBetween(190, 210).isLessThan(240);
    }
}
