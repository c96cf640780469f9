package com.peaktrade.obs.lint;

import com.peaktrade.obs.contract.LintPolicy;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

/**
 * The contract's lint policy applied to rules and findings: a rule switched off, a rule's severity
 * changed, a finding accepted. Rules are named by id or by a prefix ending in *; where several
 * entries name a rule, the most specific (an id, else the longest prefix) wins.
 *
 * @param base       the directory findings' files are shown relative to (the assets directory)
 * @param contractDir the contract file's directory (ignores' file globs are relative to it), if on disk
 */
record ContractPolicy(LintPolicy policy, Path base, Optional<Path> contractDir) {

    static boolean matches(String pattern, String id) {
        return pattern.endsWith("*") ? id.startsWith(pattern.substring(0, pattern.length() - 1)) : id.equals(pattern);
    }

    /** How specific a pattern is: an exact id beats any prefix, a longer prefix beats a shorter. */
    private static int specificity(String pattern) {
        return pattern.endsWith("*") ? pattern.length() : Integer.MAX_VALUE;
    }

    Optional<LintPolicy.RuleOff> off(Rule rule) {
        return policy.off().stream().filter(o -> matches(o.rule(), rule.id()))
                .max(Comparator.comparingInt(o -> specificity(o.rule())));
    }

    Optional<Severity> severity(Rule rule) {
        return policy.severities().stream().filter(s -> matches(s.rule(), rule.id()))
                .max(Comparator.comparingInt(s -> specificity(s.rule())))
                .map(s -> s.level() == LintPolicy.Level.ERROR ? Severity.ERROR : Severity.WARNING);
    }

    /** The ignore that accepts this finding: its rule, and its file glob and value when it gives them. */
    Optional<LintPolicy.Ignore> ignoring(Finding finding) {
        return policy.ignores().stream()
                .filter(i -> matches(i.rule(), finding.rule().id()))
                .filter(i -> i.value().map(v -> v.equals(finding.value())).orElse(true))
                .filter(i -> i.file().map(glob -> fileMatches(glob, finding.file())).orElse(true))
                .findFirst();
    }

    private boolean fileMatches(String glob, String shown) {
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        Path file = Path.of(shown);
        if (matcher.matches(file)) {
            return true;
        }
        if (contractDir.isPresent() && base != null) {
            Path absolute = base.resolve(file).toAbsolutePath().normalize();
            return absolute.startsWith(contractDir.get()) && matcher.matches(contractDir.get().relativize(absolute));
        }
        return false;
    }
}
