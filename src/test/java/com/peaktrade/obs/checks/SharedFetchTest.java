package com.peaktrade.obs.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedFetchTest {

    @Test
    void fortyChecksAskingAtOnceCauseOneFetch() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        SharedFetch<String> shared = new SharedFetch<>(Duration.ofSeconds(10), () -> {
            fetches.incrementAndGet();
            sleep(50);
            return "targets";
        });
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return shared.get();
            }));
        }
        go.countDown();
        for (Future<String> a : answers) {
            assertThat(a.get()).isEqualTo("targets");
        }
        pool.shutdown();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void anAnswerOlderThanItsAgeIsFetchedAgain() {
        AtomicInteger fetches = new AtomicInteger();
        SharedFetch<Integer> shared = new SharedFetch<>(Duration.ofMillis(20), fetches::incrementAndGet);
        assertThat(shared.get()).isEqualTo(1);
        assertThat(shared.get()).as("still fresh").isEqualTo(1);
        sleep(40);
        assertThat(shared.get()).isEqualTo(2);
    }

    @Test
    void aFailureIsNotKeptForTheNextCaller() {
        AtomicInteger fetches = new AtomicInteger();
        SharedFetch<String> shared = new SharedFetch<>(Duration.ofSeconds(10), () -> {
            if (fetches.incrementAndGet() == 1) {
                throw new IllegalStateException("connection refused");
            }
            return "targets";
        });
        assertThatThrownBy(shared::get).hasMessage("connection refused");
        assertThat(shared.get()).isEqualTo("targets");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
