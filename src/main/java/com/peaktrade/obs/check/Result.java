package com.peaktrade.obs.check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One check's line in a report: stable id, status, message, evidence, hint (non-blank on FAIL,
 * optional on WARN, otherwise usually null) and how long it took. Immutable; every reporter
 * writes exactly these fields and adds nothing.
 */
public record Result(String id, Status status, String message, List<String> evidence, String hint, Duration duration) {

    public Result {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(duration, "duration");
        evidence = cleanEvidence(evidence);
        hint = cleanHint(status, hint);
    }

    /** The runner's way of making a result: the check's outcome, its id, the measured duration. */
    public static Result of(String id, Outcome outcome, Duration duration) {
        return new Result(id, outcome.status(), outcome.message(), outcome.evidence(), outcome.hint(), duration);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }

    static List<String> cleanEvidence(List<String> evidence) {
        return evidence == null ? List.of() : evidence.stream().filter(Objects::nonNull).toList();
    }

    static String cleanHint(Status status, String hint) {
        String cleaned = hint == null || hint.isBlank() ? null : hint;
        if (status == Status.FAIL && cleaned == null) {
            throw new IllegalArgumentException("a FAIL needs a hint (what to do next)");
        }
        return cleaned;
    }
}
