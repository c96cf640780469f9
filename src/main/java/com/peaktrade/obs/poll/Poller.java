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
    /** How long a wait counts as young: what is polled was most likely just started. */
    static final Duration EAGER_FOR = Duration.ofSeconds(10);
    private static final Duration FIRST = Duration.ofMillis(50);
    private static final Duration EAGER_CEILING = Duration.ofMillis(100);
    private static final Duration PATIENT = Duration.ofMillis(500);

    private final Duration budget;

    private Poller(Duration budget) {
        this.budget = budget;
    }

    /**
     * 50 ms first, then every 100 ms while the wait is young (10 s), then every 500 ms. What is
     * polled is mostly a stack that was just started: its answer changes within seconds (Prometheus
     * scrapes first ~5 s after its start, rate() has data 2 s later), and lateness is on the path to
     * green: verify waits for the latest of its checks, and under the old constant 250 ms ceiling
     * that one saw its change up to 250 ms late. A wait that goes on is for something that may not
     * come, and a production Prometheus or Grafana need not be asked more often for it: over a 60 s
     * budget ~200 requests, the old constant ceiling made 240.
     */
    public static Poller within(Duration budget) {
        return new Poller(budget);
    }

    /** The pause after an attempt made {@code elapsed} into the wait, the previous pause being {@code previous} (null: none yet). */
    static Duration pauseAfter(Duration elapsed, Duration previous) {
        if (elapsed.compareTo(EAGER_FOR) >= 0) {
            return PATIENT;
        }
        return previous == null ? FIRST : EAGER_CEILING.compareTo(previous.multipliedBy(2)) < 0 ? EAGER_CEILING : previous.multipliedBy(2);
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
        Duration pause = null;
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
            pause = pauseAfter(Duration.ofNanos(now - start), pause);
            long wait = Math.min(pause.toNanos(), deadline - now);
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer<>(last, error, false, attempts, Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }
}
