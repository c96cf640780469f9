package com.peaktrade.obs.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a check found: its status, a one-line message, evidence (short facts it saw: the URL hit,
 * the query, values, attempt counts) and, on FAIL (required) or WARN (optional), a hint saying
 * what to do next. The runner adds the id and the duration to make a {@link Result}.
 *
 * <p>Secrets never belong in evidence: redact where it is gathered ({@link Redaction}).
 */
public record Outcome(Status status, String message, List<String> evidence, String hint) {

    public Outcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        evidence = Result.cleanEvidence(evidence);
        hint = Result.cleanHint(status, hint);
    }

    public static Outcome pass(String message, String... evidence) {
        return new Outcome(Status.PASS, message, Arrays.asList(evidence), null);
    }

    /** A failure always says what to do next: {@code hint} must not be blank. */
    public static Outcome fail(String message, String hint, String... evidence) {
        return new Outcome(Status.FAIL, message, Arrays.asList(evidence), hint);
    }

    /** A warning passes the run; {@code hint} may be null. */
    public static Outcome warn(String message, String hint, String... evidence) {
        return new Outcome(Status.WARN, message, Arrays.asList(evidence), hint);
    }

    /** The check decided it does not apply (e.g. an optional datasource not configured). */
    public static Outcome skip(String message, String... evidence) {
        return new Outcome(Status.SKIP, message, Arrays.asList(evidence), null);
    }

    /** A copy with {@code more} appended to the evidence (null items are dropped). */
    public Outcome withEvidence(String... more) {
        return withEvidence(Arrays.asList(more));
    }

    public Outcome withEvidence(List<String> more) {
        List<String> all = new ArrayList<>(evidence);
        all.addAll(more);
        return new Outcome(status, message, all, hint);
    }
}
