package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.Durations;
import com.peaktrade.obs.check.RunOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** --budget and --no-wait: how long verify's checks may wait, shared by `STACK verify` and `STACK up --verify`. */
final class CheckBudgets {
    @Option(names = "--budget", paramLabel = "ID=DURATION",
            description = "Budget of one check, e.g. --budget grafana.health=2m (repeatable).")
    Map<String, String> budgets = new LinkedHashMap<>();

    @Option(names = "--no-wait", description = "One snapshot per check: no waiting for warm-up.")
    boolean noWait;

    /** How to run the checks; {@code everyCheck} (nullable) replaces every check's own budget. Bad durations: exit 2. */
    RunOptions runOptions(Duration everyCheck) {
        return new RunOptions(everyCheck, Durations.parseAll(budgets), noWait, RunOptions.DEFAULT_PARALLELISM);
    }
}
