package com.peaktrade.obs.check;

import com.peaktrade.obs.error.ExitCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A finished run: results in the suite's order, wall time, start, and notes (what the run did not
 * check and why, e.g. a contract section that expects nothing). The verdict and the exit code are
 * derived here once, so every format agrees.
 */
public record Report(String suite, List<Result> results, Duration wallTime, Instant startedAt, List<Note> notes) {

    public Report {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    public Report(String suite, List<Result> results, Duration wallTime, Instant startedAt) {
        this(suite, results, wallTime, startedAt, List.of());
    }

    /** This report with {@code more} contract notes (what the contract expects nothing of) after its own. */
    public Report withNotes(List<String> more) {
        return withNotes("contract", more);
    }

    /** This report with {@code more} notes on {@code topic} after its own. */
    public Report withNotes(String topic, List<String> more) {
        List<Note> all = new java.util.ArrayList<>(notes);
        more.forEach(text -> all.add(new Note(topic, text)));
        return new Report(suite, results, wallTime, startedAt, all);
    }

    /** No check failed (WARN and SKIP do not fail a run). */
    public boolean passed() {
        return results.stream().noneMatch(Result::failed);
    }

    /** 0 when {@link #passed()}, 1 otherwise. */
    public int exitCode() {
        return passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Every status with its count, zeros included, in PASS, FAIL, WARN, SKIP order. */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    public int count(Status status) {
        return counts().get(status);
    }

    /** The sum of all checks' durations (more than the wall time when they ran concurrently). */
    public Duration checkTimeTotal() {
        return results.stream().map(Result::duration).reduce(Duration.ZERO, Duration::plus);
    }

    public Optional<Result> result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
