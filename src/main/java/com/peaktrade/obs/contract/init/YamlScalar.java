package com.peaktrade.obs.contract.init;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A string as a YAML scalar: plain when YAML reads it back as the same string, else double-quoted
 * (JSON's escaping is YAML's). "on", "no" or "1.0" are quoted: YAML 1.1 would read a bool or number.
 */
final class YamlScalar {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/.][A-Za-z0-9_./-]*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

    private YamlScalar() {
    }

    static String of(String value) {
        if (PLAIN.matcher(value).matches() && !RESERVED.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }

    /** A flow sequence: [a, "b c"]. */
    static String list(List<String> values) {
        return "[" + String.join(", ", values.stream().map(YamlScalar::of).toList()) + "]";
    }

    /** A comment's text on one line (a reason may carry an error message with newlines). */
    static String comment(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
