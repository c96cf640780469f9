package com.peaktrade.obs.lint;

import java.util.Set;

/**
 * One lint rule: a stable id (CI greps it), its severity, the inputs it reads (without them it is
 * skipped), what it catches, and the usual fix.
 */
public record Rule(String id, Severity severity, Set<Input> needs, String summary, String hint) {
    public Rule {
        needs = Set.copyOf(needs);
    }
}
