package com.peaktrade.obs.poll;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
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
     * The outcome of waiting for an answer that is good enough: the last answer (or the error of the
     * last attempt), whether it was ready, attempts, time. What a "not ready: last answer" message needs.
     *
     * @param last  the last value an attempt returned (ready or not), empty when every attempt threw
     * @param error the exception of the last attempt, empty when it returned a value
     */
    public record Answer<T>(Optional<T> last, Optional<RuntimeException> error, boolean ready, int attempts,
            Duration elapsed) {

        /** The last answer in words: the value as {@code show} says it, else the error, else "no answer". */
        public String describe(Function<T, String> show, Function<RuntimeException, String> showError) {
            if (error.isPresent()) {
                return showError.apply(error.get());
            }
            return last.map(show).orElse("no answer");
        }

        public Outcome<T> asOutcome() {
            return new Outcome<>(ready ? last : Optional.empty(), ready, attempts, elapsed);
        }
    }

    /**
     * Calls {@code attempt} until it returns a present value or the budget is spent. An empty value
     * means "not yet". Interruption ends the wait early with done=false.
     */
    public <T> Outcome<T> until(Supplier<Optional<T>> attempt) {
        Answer<Optional<T>> answer = await(attempt, Optional::isPresent, false);
        return new Outcome<>(answer.ready() ? answer.last().orElseThrow() : Optional.empty(), answer.ready(),
                answer.attempts(), answer.elapsed());
    }

    /**
     * Asks until an answer is {@code ready} or the budget is spent, keeping the last answer. An
     * exception thrown by {@code ask} counts as "not yet" and is kept as the last answer's error.
     */
    public <T> Answer<T> await(Supplier<T> ask, Predicate<T> ready) {
        return await(ask, ready, true);
    }

    private <T> Answer<T> await(Supplier<T> ask, Predicate<T> ready, boolean keepErrors) {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        long pause = firstInterval.toNanos();
        int attempts = 0;
        Optional<T> last = Optional.empty();
        Optional<RuntimeException> error = Optional.empty();
        while (true) {
            attempts++;
            boolean good = false;
            try {
                T value = ask.get();
                last = Optional.ofNullable(value);
                error = Optional.empty();
                good = value != null && ready.test(value);
            } catch (RuntimeException e) {
                if (!keepErrors) {
                    throw e;
                }
                error = Optional.of(e);
            }
            long now = System.nanoTime();
            boolean hopeless = error.filter(e -> e instanceof PermanentError p && p.permanent()).isPresent();
            if (good || hopeless || now >= deadline) {
                return new Answer<>(last, error, good, attempts, Duration.ofNanos(now - start));
            }
            long wait = Math.min(pause, deadline - now);
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer<>(last, error, false, attempts, Duration.ofNanos(System.nanoTime() - start));
            }
            pause = Math.min(pause * 2, maxInterval.toNanos());
        }
    }
}
