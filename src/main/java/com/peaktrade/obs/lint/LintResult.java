package com.peaktrade.obs.lint;

import java.util.List;
import java.util.Map;

/**
 * What lint found: findings, inputs it could not read (each makes the run exit 2), rules that
 * could not run and why, rules that ran and over what, and notes about the inputs. Findings the
 * contract's lint policy ignores are kept apart with its reason, and the policy's severity
 * overrides are applied through {@link #severity(Rule)}.
 */
public record LintResult(List<Finding> findings, List<Findings.Broken> brokenInputs, Map<String, String> skipped,
        Map<String, String> checked, List<String> notes, List<Ignored> ignored, Map<String, Severity> severities) {

    /** A finding the contract accepts: the reason it gives and where the ignore is written (file:line). */
    public record Ignored(Finding finding, String reason, String where) {
    }

    public LintResult {
        findings = List.copyOf(findings);
        brokenInputs = List.copyOf(brokenInputs);
        skipped = Map.copyOf(skipped);
        checked = Map.copyOf(checked);
        notes = List.copyOf(notes);
        ignored = List.copyOf(ignored);
        severities = Map.copyOf(severities);
    }

    public List<Finding> findings(String ruleId) {
        return findings.stream().filter(f -> f.rule().id().equals(ruleId)).toList();
    }

    public List<Ignored> ignored(String ruleId) {
        return ignored.stream().filter(i -> i.finding().rule().id().equals(ruleId)).toList();
    }

    /** The rule's severity under the contract's lint policy. */
    public Severity severity(Rule rule) {
        return severities.getOrDefault(rule.id(), rule.severity());
    }
}
