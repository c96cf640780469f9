package com.peaktrade.obs.check;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One named verification. {@link #run} looks, returns an {@link Outcome}, and never prints, measures
 * its own time, or stamps its id on the result: the {@link CheckRunner} does that.
 *
 * <p>An exception thrown from {@code run} becomes a FAIL carrying its message (no stack trace), so
 * a check only catches what it can explain better itself.
 */
public interface Check {

    /** Stable id that CI greps for, e.g. {@code prometheus.targets}. */
    String id();

    /**
     * Ids of checks that must be done before this one starts. If one of them ends FAIL or SKIP, this
     * check is not run and reports SKIP with the reason; PASS and WARN satisfy it. Ids absent from a
     * run (a suite that leaves a check out, like {@code stack.containers} without a project) count as
     * satisfied.
     */
    default Set<String> requires() {
        return Set.of();
    }

    /**
     * How long the check may take, waits included; what it waits for should fit in it. Overridable
     * per run with {@code --timeout} and {@code --budget ID=DURATION}.
     */
    Duration budget();

    Outcome run(CheckContext ctx) throws Exception;

    static Check of(String id, Set<String> requires, Duration budget, CheckBody body) {
        return new Simple(id, Set.copyOf(requires), budget, body);
    }

    static Check of(String id, Duration budget, CheckBody body) {
        return of(id, Set.of(), budget, body);
    }

    /** The lambda form; {@code toString} is the id so runner errors read well. */
    record Simple(String id, Set<String> requires, Duration budget, CheckBody body) implements Check {
        public Simple {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(budget, "budget");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public Outcome run(CheckContext ctx) throws Exception {
            return body.run(ctx);
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
