package com.peaktrade.obs.poll;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounded, adaptive polling: short first intervals (a healthy thing answers at once), backing off
 * to a ceiling, until a budget runs out. Used instead of fixed sleeps everywhere we wait.
 */
public final class Poller {
    private final Duration budget;
    private final Duration firstInterval;
    private final Duration maxInterval;

    public Poller(Duration budget, Duration firstInterval, Duration maxInterval) {
        this.budget = budget;
        this.firstInterval = firstInterval;
        this.maxInterval = maxInterval;
    }

    /**
     * 50 ms first, doubling up to 250 ms. What is polled here is local and cheap (an inspect, a
     * query); a 500 ms ceiling saw a change 250 ms late on average, on the path to green.
     */
    public static Poller within(Duration budget) {
        return new Poller(budget, Duration.ofMillis(50), Duration.ofMillis(250));
    }

    /** The outcome of polling: the last value seen, whether it satisfied the condition, attempts, time. */
    public record Outcome<T>(Optional<T> value, boolean done, int attempts, Duration elapsed) {
    }

    /**
     * Calls {@code attempt} until it returns a present value or the budget is spent. An empty value
     * means "not yet". Interruption ends the wait early with done=false.
     */
    public <T> Outcome<T> until(Supplier<Optional<T>> attempt) {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        long pause = firstInterval.toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            Optional<T> value = attempt.get();
            long now = System.nanoTime();
            if (value.isPresent()) {
                return new Outcome<>(value, true, attempts, Duration.ofNanos(now - start));
            }
            if (now >= deadline) {
                return new Outcome<>(Optional.empty(), false, attempts, Duration.ofNanos(now - start));
            }
            long wait = Math.min(pause, deadline - now);
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome<>(Optional.empty(), false, attempts, Duration.ofNanos(System.nanoTime() - start));
            }
            pause = Math.min(pause * 2, maxInterval.toNanos());
        }
    }
}
