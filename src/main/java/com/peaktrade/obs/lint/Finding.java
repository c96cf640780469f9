package com.peaktrade.obs.lint;

/**
 * A problem lint found: the rule, where (file as shown to the user, 1-based line, 0 if unknown),
 * the offending value, a message naming the thing, and the hint (the rule's unless more specific).
 */
public record Finding(Rule rule, String file, int line, String value, String message, String hint) {

    public String location() {
        return line > 0 ? file + ":" + line : file;
    }
}
