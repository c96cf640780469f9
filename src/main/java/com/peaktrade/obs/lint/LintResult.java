package com.peaktrade.obs.lint;

import java.util.List;
import java.util.Map;

/**
 * What lint found: findings, inputs it could not read (each makes the run exit 2), rules that
 * could not run and why, rules that ran and over what, and notes about the inputs.
 */
public record LintResult(List<Finding> findings, List<Findings.Broken> brokenInputs, Map<String, String> skipped,
        Map<String, String> checked, List<String> notes) {

    public LintResult {
        findings = List.copyOf(findings);
        brokenInputs = List.copyOf(brokenInputs);
        skipped = Map.copyOf(skipped);
        checked = Map.copyOf(checked);
        notes = List.copyOf(notes);
    }

    public List<Finding> findings(String ruleId) {
        return findings.stream().filter(f -> f.rule().id().equals(ruleId)).toList();
    }
}
