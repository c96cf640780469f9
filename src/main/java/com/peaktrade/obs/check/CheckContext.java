package com.peaktrade.obs.check;

import com.peaktrade.obs.error.ObsException;
import com.peaktrade.obs.poll.PermanentError;
import com.peaktrade.obs.poll.Poller;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a running check gets from the runner: its effective budget and deadline, and polling bounded
 * by them. With {@code --no-wait} every poll is a single attempt (one snapshot).
 */
public final class CheckContext {
    private final String checkId;
    private final Duration budget;
    private final boolean noWait;
    private final long startNanos;
    private final Instant deadline;

    private CheckContext(String checkId, Duration budget, boolean noWait) {
        this.checkId = checkId;
        this.budget = budget;
        this.noWait = noWait;
        this.startNanos = System.nanoTime();
        this.deadline = Instant.now().plus(budget);
    }

    /** A context whose budget starts now; the runner makes one per check, tests of single checks may too. */
    public static CheckContext start(String checkId, Duration budget, boolean noWait) {
        return new CheckContext(checkId, budget, noWait);
    }

    public String checkId() {
        return checkId;
    }

    /** The effective budget: the check's own, or {@code --timeout}, or {@code --budget ID=…}. */
    public Duration budget() {
        return budget;
    }

    public Instant deadline() {
        return deadline;
    }

    /** Time left until the deadline, never negative: use it for HTTP timeouts inside the check. */
    public Duration remaining() {
        long left = budget.toNanos() - (System.nanoTime() - startNanos);
        return Duration.ofNanos(Math.max(0, left));
    }

    public boolean noWait() {
        return noWait;
    }

    /**
     * Calls {@code attempt} until it returns a value (empty = not yet) or the budget is spent; one
     * attempt only with --no-wait. The outcome says how many attempts and how long it took, for evidence.
     */
    public <T> Poller.Outcome<T> poll(Supplier<Optional<T>> attempt) {
        return poll(remaining(), attempt);
    }

    /** As {@link #poll(Supplier)}, but for at most {@code within} (still capped by the deadline). */
    public <T> Poller.Outcome<T> poll(Duration within, Supplier<Optional<T>> attempt) {
        Duration wait = noWait ? Duration.ZERO : min(within, remaining());
        return Poller.within(wait).until(attempt);
    }

    /**
     * Asks until the answer is {@code ready} or the budget is spent (once with --no-wait), keeping the
     * last answer or error for the message; see {@link #notReady}.
     */
    public <T> Poller.Answer<T> await(Supplier<T> ask, Predicate<T> ready) {
        return await(remaining(), ask, ready);
    }

    /** As {@link #await(Supplier, Predicate)}, for at most {@code within} (still capped by the deadline). */
    public <T> Poller.Answer<T> await(Duration within, Supplier<T> ask, Predicate<T> ready) {
        Duration wait = noWait ? Duration.ZERO : min(within, remaining());
        return Poller.within(wait).await(ask, ready);
    }

    /**
     * The standard FAIL of a wait that ran out: "WHAT at URL: LAST ANSWER", the hint, and as evidence
     * the last answer and how long was waited.
     */
    public static Outcome notReady(String what, Object url, String lastAnswer, String hint, Poller.Answer<?> answer) {
        // an error that waiting cannot fix (a certificate we do not trust) carries its own, better hint
        String ownHint = answer.error().filter(e -> e instanceof PermanentError p && p.permanent())
                .map(e -> e instanceof ObsException o ? o.hint() : null).orElse(null);
        return Outcome.fail(what + " at " + url + ": " + lastAnswer, ownHint != null ? ownHint : hint,
                "last answer: " + lastAnswer, describe(answer));
    }

    /** "1 attempt in 0.0 s", "3 attempts in 0.4 s", for an {@link Poller.Answer}. */
    public static String describe(Poller.Answer<?> answer) {
        return describe(answer.asOutcome());
    }

    /** "1 attempt in 0.0 s", "3 attempts in 0.4 s": the evidence that says how long a wait took. */
    public static String describe(Poller.Outcome<?> outcome) {
        return outcome.attempts() + (outcome.attempts() == 1 ? " attempt" : " attempts") + " in "
                + Durations.seconds(outcome.elapsed()) + " s";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
