package com.peaktrade.obs.contract;

import java.util.List;
import java.util.Optional;

/**
 * How lint judges this contract's assets: rules switched off, severities changed, and findings
 * ignored (each with the reason a reviewer reads). Rules are named by id or by a prefix ending in *.
 */
public record LintPolicy(List<RuleOff> off, List<SeverityOverride> severities, List<Ignore> ignores,
        Optional<Where> declaredAt) {

    public LintPolicy {
        off = List.copyOf(off);
        severities = List.copyOf(severities);
        ignores = List.copyOf(ignores);
    }

    static LintPolicy none() {
        return new LintPolicy(List.of(), List.of(), List.of(), Optional.empty());
    }

    public enum Level {
        ERROR, WARNING
    }

    public record RuleOff(String rule, Where where) {
    }

    public record SeverityOverride(String rule, Level level, Where where) {
    }

    /**
     * Findings of {@code rule} that are accepted.
     *
     * @param file  a glob, relative to the contract file's directory, the finding's file must match, when given
     * @param value the finding's value (e.g. a label name or uid), when given
     */
    public record Ignore(String rule, Optional<String> file, Optional<String> value, String reason, Where where) {
    }
}
