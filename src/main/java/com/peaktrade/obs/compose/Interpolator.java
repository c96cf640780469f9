package com.peaktrade.obs.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compose variable substitution: {@code $$}, {@code $VAR}, {@code ${VAR}} and the operators
 * {@code :- - :? ? :+ +}, whose text is itself substituted (so defaults nest). The lookup returns
 * null for an unset variable and "" for an empty one: {@code ${X-d}} and {@code ${X:-d}} differ.
 */
final class Interpolator {
    private final Function<String, String> lookup;
    private final Consumer<String> unsetVariables;

    /** Thrown for a missing required variable or a malformed {@code ${}}; callers add file and path. */
    static final class InterpolationException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean invalidFormat;

        private InterpolationException(String message, boolean invalidFormat) {
            super(message);
            this.invalidFormat = invalidFormat;
        }

        boolean invalidFormat() {
            return invalidFormat;
        }
    }

    /**
     * @param lookup         the value of a variable, or null when unset
     * @param unsetVariables told the name of each variable used without operator while unset
     */
    Interpolator(Function<String, String> lookup, Consumer<String> unsetVariables) {
        this.lookup = lookup;
        this.unsetVariables = unsetVariables;
    }

    /** Substitutes every string value in the document (never keys); errors name file, line and path. */
    RawFile interpolate(RawFile raw) {
        return raw.withRoot(RawTypes.asMap(walk(raw, raw.root(), "")));
    }

    private Object walk(RawFile raw, Object node, String path) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            RawTypes.asMap(map).forEach((key, value) -> result.put(key, walk(raw, value, RawFile.Paths.key(path, key))));
            return result;
        }
        if (node instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                result.add(walk(raw, list.get(i), RawFile.Paths.index(path, i)));
            }
            return result;
        }
        if (node instanceof String text) {
            try {
                return substitute(text);
            } catch (InterpolationException e) {
                throw raw.error(path, e.invalidFormat()
                        ? "invalid interpolation format for " + path + ".\nYou may need to escape any $ with another $.\n" + text
                        : "error while interpolating " + path + ": " + e.getMessage());
            }
        }
        return node;
    }

    /** The template with every variable substituted. */
    String substitute(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            char next = i + 1 < template.length() ? template.charAt(i + 1) : 0;
            if (c != '$') {
                out.append(c);
                i++;
            } else if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = matchingBrace(template, i + 2);
                out.append(braced(template.substring(i + 2, close)));
                i = close + 1;
            } else if (isNameStart(next)) {
                int end = nameEnd(template, i + 1);
                out.append(valueOrBlank(template.substring(i + 1, end)));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Index of the '}' closing a "${" whose content starts at from, counting nested "${". */
    private static int matchingBrace(String template, int from) {
        int depth = 1;
        for (int i = from; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new InterpolationException("unclosed ${", true);
    }

    /** The content of ${...}: NAME, optionally followed by an operator and its text. */
    private String braced(String content) {
        int end = isNameStart(content.isEmpty() ? 0 : content.charAt(0)) ? nameEnd(content, 0) : 0;
        if (end == 0) {
            throw new InterpolationException("invalid variable name", true);
        }
        String name = content.substring(0, end);
        String rest = content.substring(end);
        if (rest.isEmpty()) {
            return valueOrBlank(name);
        }
        Operator op = Operator.at(rest);
        if (op == null) {
            throw new InterpolationException("invalid operator after " + name, true);
        }
        String value = lookup.apply(name);
        String operand = rest.substring(op.token.length());
        boolean present = op.colon ? value != null && !value.isEmpty() : value != null;
        return switch (op) {
            case DEFAULT_IF_EMPTY, DEFAULT_IF_UNSET -> present ? value : substitute(operand);
            case ALT_IF_NON_EMPTY, ALT_IF_SET -> present ? substitute(operand) : "";
            case REQUIRED_NON_EMPTY, REQUIRED_SET -> {
                if (!present) {
                    String message = substitute(operand);
                    throw new InterpolationException("required variable " + name + " is missing a value"
                            + (message.isEmpty() ? "" : ": " + message), false);
                }
                yield value;
            }
        };
    }

    private String valueOrBlank(String name) {
        String value = lookup.apply(name);
        if (value == null) {
            unsetVariables.accept(name);
            return "";
        }
        return value;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int nameEnd(String text, int from) {
        int i = from;
        while (i < text.length() && (isNameStart(text.charAt(i)) || (text.charAt(i) >= '0' && text.charAt(i) <= '9'))) {
            i++;
        }
        return i;
    }

    /** The six operators; with a colon, "empty" counts as "unset". */
    private enum Operator {
        DEFAULT_IF_EMPTY(":-", true), REQUIRED_NON_EMPTY(":?", true), ALT_IF_NON_EMPTY(":+", true),
        DEFAULT_IF_UNSET("-", false), REQUIRED_SET("?", false), ALT_IF_SET("+", false);

        final String token;
        final boolean colon;

        Operator(String token, boolean colon) {
            this.token = token;
            this.colon = colon;
        }

        static Operator at(String text) {
            for (Operator op : values()) {
                if (text.startsWith(op.token)) {
                    return op;
                }
            }
            return null;
        }
    }

    /** Warning text compose prints for a variable used while unset. */
    static String unsetWarning(String name) {
        return "The \"" + name + "\" variable is not set. Defaulting to a blank string.";
    }
}
