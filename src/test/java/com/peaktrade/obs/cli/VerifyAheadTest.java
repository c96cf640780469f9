package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.docker.UpListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** up --verify: verify runs while up still waits for running/healthy, and its report comes after up's lines. */
class VerifyAheadTest {
    private static final Report REPORT = new Report("shadow.verify", List.of(), Duration.ZERO, Instant.EPOCH);

    @Test
    void verifyRunsOnceUpHasStartedEveryContainerWhileUpStillWaits() throws Exception {
        CountDownLatch verifyRan = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        List<String> upLines = new ArrayList<>();
        VerifyAhead ahead = new VerifyAhead(() -> {
            runs.incrementAndGet();
            verifyRan.countDown();
            return REPORT;
        });
        UpListener listener = ahead.around(upLines::add);

        listener.step("container x started");
        listener.started();
        // up's readiness wait: verify has run meanwhile, on its own thread
        assertThat(verifyRan.await(10, TimeUnit.SECONDS)).isTrue();
        listener.step("all 1 services up after 1.0 s");

        assertThat(ahead.await()).isSameAs(REPORT);
        assertThat(runs).hasValue(1);
        assertThat(upLines).containsExactly("container x started", "all 1 services up after 1.0 s");
    }

    @Test
    void whenUpNeverSaidItStartedEverythingVerifyRunsAfterIt() {
        AtomicInteger runs = new AtomicInteger();
        VerifyAhead ahead = new VerifyAhead(() -> {
            runs.incrementAndGet();
            return REPORT;
        });
        assertThat(runs).hasValue(0);
        assertThat(ahead.await()).isSameAs(REPORT);
        assertThat(runs).hasValue(1);
    }

    @Test
    void whatVerifyThrowsReachesTheCommandAsItWasThrown() {
        VerifyAhead ahead = new VerifyAhead(() -> {
            throw new IllegalStateException("contract gone");
        });
        ahead.around(message -> { }).started();
        assertThatThrownBy(ahead::await).isInstanceOf(IllegalStateException.class).hasMessage("contract gone");
    }

    @Test
    void whenUpFailsTheRunningChecksAreInterrupted() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch stackThatNeverComes = new CountDownLatch(1);
        VerifyAhead ahead = new VerifyAhead(() -> {
            waiting.countDown();
            try {
                stackThatNeverComes.await(); // a check waiting for a stack that will not come
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return REPORT;
        });
        ahead.around(message -> { }).started();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        ahead.cancel();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("verify's thread was interrupted").isTrue();
    }
}
