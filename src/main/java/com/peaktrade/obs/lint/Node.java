package com.peaktrade.obs.lint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON or YAML value that remembers its 1-based line, so findings can point at the line of the
 * offending value. Maps keep key order.
 */
sealed interface Node {
    int line();

    /** A short name of the kind for "wrong type" messages: a mapping, a list, a string, … */
    String kind();

    record MapNode(Map<String, Node> entries, int line) implements Node {
        Optional<Node> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        /** The text of a scalar entry, or null when absent, null or not a scalar. */
        String text(String key) {
            return entries.get(key) instanceof Scalar s ? s.text() : null;
        }

        boolean isTrue(String key) {
            return entries.get(key) instanceof Scalar s && "true".equalsIgnoreCase(s.text());
        }

        int lineOf(String key) {
            Node n = entries.get(key);
            return n == null ? line : n.line();
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record ListNode(List<Node> items, int line) implements Node {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is null for null, else the value as written (numbers and booleans too); {@code string} when it was a string, not a number or boolean. */
    record Scalar(String text, boolean string, int line) implements Node {
        @Override
        public String kind() {
            return text == null ? "null" : "a scalar";
        }
    }
}
