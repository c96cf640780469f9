package com.peaktrade.obs.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.poll.Poller;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CheckContextTest {

    @Test
    void deadlineAndRemainingFollowTheBudget() {
        Instant before = Instant.now();
        CheckContext ctx = CheckContext.start("prometheus.ready", Duration.ofSeconds(10), false);
        assertThat(ctx.checkId()).isEqualTo("prometheus.ready");
        assertThat(ctx.budget()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ctx.deadline()).isBetween(before.plusSeconds(10), Instant.now().plusSeconds(10));
        assertThat(ctx.remaining()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10));
        assertThat(ctx.noWait()).isFalse();
    }

    @Test
    void remainingIsNeverNegative() throws InterruptedException {
        CheckContext ctx = CheckContext.start("x", Duration.ofMillis(1), false);
        Thread.sleep(5);
        assertThat(ctx.remaining()).isZero();
    }

    @Test
    void aPollThatNeverSucceedsEndsAtTheDeadline() {
        CheckContext ctx = CheckContext.start("x", Duration.ofMillis(200), false);
        Poller.Outcome<String> polled = ctx.poll(Optional::empty);
        assertThat(polled.done()).isFalse();
        assertThat(polled.attempts()).isGreaterThan(1);
        assertThat(polled.elapsed()).isBetween(Duration.ofMillis(190), Duration.ofMillis(700));
    }

    @Test
    void aShorterPollWindowIsHonouredAndALongerOneIsCappedByTheDeadline() {
        CheckContext ctx = CheckContext.start("x", Duration.ofMillis(300), false);
        assertThat(ctx.poll(Duration.ofMillis(60), Optional::empty).elapsed()).isLessThan(Duration.ofMillis(200));
        assertThat(ctx.poll(Duration.ofMinutes(1), Optional::empty).elapsed()).isLessThan(Duration.ofMillis(700));
    }

    @Test
    void withNoWaitAPollIsExactlyOneAttemptWhateverTheWindow() {
        AtomicInteger attempts = new AtomicInteger();
        CheckContext ctx = CheckContext.start("x", Duration.ofSeconds(30), true);
        Poller.Outcome<String> polled = ctx.poll(Duration.ofSeconds(10), () -> {
            attempts.incrementAndGet();
            return Optional.empty();
        });
        assertThat(attempts).hasValue(1);
        assertThat(polled.done()).isFalse();
        assertThat(polled.attempts()).isEqualTo(1);
    }

    @Test
    void aSnapshotThatAlreadyHoldsIsDoneWithOneAttemptEvenWithNoWait() {
        Poller.Outcome<String> polled = CheckContext.start("x", Duration.ofSeconds(1), true).poll(() -> Optional.of("up"));
        assertThat(polled.done()).isTrue();
        assertThat(polled.value()).contains("up");
    }

    @Test
    void describeSaysHowManyAttemptsAndHowLong() {
        assertThat(CheckContext.describe(new Poller.Outcome<>(Optional.empty(), false, 1, Duration.ofMillis(12)))).isEqualTo("1 attempt in 0.0 s");
        assertThat(CheckContext.describe(new Poller.Outcome<>(Optional.of(1), true, 3, Duration.ofMillis(420)))).isEqualTo("3 attempts in 0.4 s");
    }
}
