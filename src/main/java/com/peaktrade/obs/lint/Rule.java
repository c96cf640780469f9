package com.peaktrade.obs.lint;

/** One lint rule: a stable id (CI greps it), its severity, what it catches, and the usual fix. */
public record Rule(String id, Severity severity, String summary, String hint) {
}
