package com.peaktrade.obs.contract.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of a compose file as written, before interpolation: {@code ${VAR:-default}} reads as its
 * default (what compose uses when VAR is unset), and the variable's name is kept where a contract
 * records it (a published port's {@code host_port_env}).
 */
final class ComposeValues {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** A published port: the container port, its default host port and the variable that sets it. */
    record Port(int container, Integer host, String hostEnv) {
    }

    private ComposeValues() {
    }

    /** The value with every variable replaced by its default ("" without one). */
    static String withDefaults(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fallback = m.group(2) != null && m.group(2).endsWith("-") ? m.group(3) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(fallback));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The variable a value is entirely made of ({@code ${PORT:-9092}} → PORT). */
    static Optional<String> variableOf(String value) {
        Matcher m = VARIABLE.matcher(value.strip());
        return m.matches() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(4)) : Optional.empty();
    }

    /** Short syntax {@code [ip:][host:]container[/proto]}; empty for ranges and what does not read as a port. */
    static Optional<Port> port(String spec) {
        String rest = spec.strip();
        int slash = rest.lastIndexOf('/');
        if (slash > rest.lastIndexOf('}')) {
            rest = rest.substring(0, slash);
        }
        String[] parts = splitOutsideBraces(rest);
        Optional<Integer> container = number(withDefaults(parts[parts.length - 1]));
        if (container.isEmpty()) {
            return Optional.empty();
        }
        if (parts.length < 2) {
            return Optional.of(new Port(container.get(), null, null));
        }
        String host = parts[parts.length - 2];
        return Optional.of(new Port(container.get(), number(withDefaults(host)).orElse(null), variableOf(host).orElse(null)));
    }

    static Optional<Integer> number(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            return n > 0 && n <= 65535 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String[] splitOutsideBraces(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts.toArray(String[]::new);
    }
}
