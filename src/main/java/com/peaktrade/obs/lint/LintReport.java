package com.peaktrade.obs.lint;

import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.check.Result;
import com.peaktrade.obs.check.Status;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.ExitCodes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link LintResult} into the {@link Report} the verify reporters print: per selected
 * rule, one FAIL (error, or any finding with --strict) or WARN per finding, else PASS (it ran) or
 * SKIP (its inputs are missing, or the contract switches it off); a finding the contract ignores is
 * a PASS line saying so and why; broken inputs first as FAIL {@code lint.input}.
 */
public final class LintReport {
    public static final String INPUT_ID = "lint.input";
    public static final String INPUTS_ID = "lint.inputs";

    private LintReport() {
    }

    /** The rules --rule/--skip select (ids, or a prefix ending in *); unknown ones are a ConfigException. */
    public static List<Rule> select(List<String> only, List<String> skip) {
        validate(only, "--rule");
        validate(skip, "--skip");
        return Rules.all().stream()
                .filter(r -> only.isEmpty() || only.stream().anyMatch(p -> ContractPolicy.matches(p, r.id())))
                .filter(r -> skip.stream().noneMatch(p -> ContractPolicy.matches(p, r.id())))
                .toList();
    }

    private static void validate(List<String> patterns, String option) {
        for (String p : patterns) {
            if (Rules.all().stream().noneMatch(r -> ContractPolicy.matches(p, r.id()))) {
                throw new ConfigException("unknown rule id for " + option + ": " + p, "valid ids: "
                        + String.join(", ", Rules.all().stream().map(Rule::id).toList()));
            }
        }
    }

    public static Report toReport(LintResult result, List<Rule> selected, boolean strict, Duration wallTime, Instant startedAt) {
        List<Result> results = new ArrayList<>();
        results.add(new Result(INPUTS_ID, Status.PASS, "linted " + String.join("; ", result.notes()), result.notes(),
                null, Duration.ZERO));
        for (Findings.Broken b : result.brokenInputs()) {
            results.add(new Result(INPUT_ID, Status.FAIL, (b.line() > 0 ? b.file() + ":" + b.line() : b.file()) + ": "
                    + b.message(), List.of("file: " + b.file()), "fix the file: lint cannot judge it until it reads "
                    + "(exit 2)", Duration.ZERO));
        }
        Set<String> ids = Set.copyOf(selected.stream().map(Rule::id).toList());
        for (Rule rule : Rules.all()) {
            if (!ids.contains(rule.id())) {
                continue;
            }
            List<Finding> findings = result.findings(rule.id());
            List<LintResult.Ignored> ignored = result.ignored(rule.id());
            Severity severity = result.severity(rule);
            String shownSeverity = severity.name().toLowerCase(java.util.Locale.ROOT)
                    + (severity != rule.severity() ? " (set by the contract)" : "");
            if (!findings.isEmpty()) {
                Status status = severity == Severity.ERROR || strict ? Status.FAIL : Status.WARN;
                for (Finding f : findings) {
                    results.add(new Result(rule.id(), status, shown(f), List.of("file: " + f.location(),
                            "value: " + f.value(), "severity: " + shownSeverity), f.hint(), Duration.ZERO));
                }
            } else if (ignored.isEmpty() && result.checked().containsKey(rule.id())) {
                results.add(new Result(rule.id(), Status.PASS, "no findings (" + result.checked().get(rule.id()) + ")",
                        List.of(), null, Duration.ZERO));
            } else if (ignored.isEmpty()) {
                results.add(new Result(rule.id(), Status.SKIP, "skipped: "
                        + result.skipped().getOrDefault(rule.id(), "nothing to check"), List.of(), null, Duration.ZERO));
            }
            // accepted by the contract: said, never silent
            for (LintResult.Ignored i : ignored) {
                results.add(new Result(rule.id(), Status.PASS, "ignored by the contract (" + i.where() + ": " + i.reason()
                        + "): " + shown(i.finding()), List.of("file: " + i.finding().location(), "value: "
                        + i.finding().value(), "ignore: " + i.where()), null, Duration.ZERO));
            }
        }
        return new Report("lint", results, wallTime, startedAt);
    }

    private static String shown(Finding f) {
        return f.message().startsWith(f.location()) ? f.message() : f.location() + ": " + f.message();
    }

    /** 2 when an input could not be read, else the report's: 1 when a rule failed, 0 otherwise. */
    public static int exitCode(LintResult result, Report report) {
        return result.brokenInputs().isEmpty() ? report.exitCode() : ExitCodes.USAGE;
    }
}
