package com.peaktrade.obs.check;

import com.peaktrade.obs.error.ConfigException;
import java.time.Duration;
import java.util.Map;

/**
 * How to run a suite.
 *
 * @param timeoutOverride {@code --timeout}: when set, replaces every check's own budget (nullable)
 * @param budgets {@code --budget ID=DURATION}: per check, wins over both the check's budget and --timeout
 * @param noWait {@code --no-wait}: every poll is one attempt
 * @param parallelism how many checks may run at once (at least 1)
 */
public record RunOptions(Duration timeoutOverride, Map<String, Duration> budgets, boolean noWait, int parallelism) {
    public static final int DEFAULT_PARALLELISM = 8;

    public RunOptions {
        budgets = budgets == null ? Map.of() : Map.copyOf(budgets);
        if (timeoutOverride != null) {
            requirePositive(timeoutOverride, "--timeout");
        }
        budgets.forEach((id, budget) -> requirePositive(budget, "--budget " + id));
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    /** Each check's own budget, waits allowed, 8 at once. */
    public static RunOptions defaults() {
        return new RunOptions(null, Map.of(), false, DEFAULT_PARALLELISM);
    }

    /** The budget a check actually gets in this run. */
    public Duration budgetFor(Check check) {
        Duration perId = budgets.get(check.id());
        if (perId != null) {
            return perId;
        }
        return timeoutOverride != null ? timeoutOverride : check.budget();
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new ConfigException(what + " must be a positive duration, got "
                    + (duration == null ? "nothing" : Durations.format(duration)), "use e.g. 500ms, 30s, 5m or 1h30m");
        }
    }
}
