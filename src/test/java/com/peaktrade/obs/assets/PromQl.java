package com.peaktrade.obs.assets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small PromQL scanner for asset tests: finds the series selectors, the label names an
 * expression refers to (matchers and by/without/on/ignoring/group_* lists) and the range
 * brackets. Not a parser: enough to tell a metric name from a function, keyword or label.
 */
final class PromQl {
    record Matcher(String label, String op, String value) {}

    record Selector(String metric, List<Matcher> matchers) {
        boolean hasMatcher(String label, String op, String value) {
            return matchers.contains(new Matcher(label, op, value));
        }

        Set<String> labelNames() {
            Set<String> names = new LinkedHashSet<>();
            matchers.forEach(m -> names.add(m.label()));
            return names;
        }
    }

    record Scan(List<Selector> selectors, Set<String> groupingLabels, List<String> ranges) {
        Set<String> metricNames() {
            Set<String> names = new LinkedHashSet<>();
            selectors.forEach(s -> names.add(s.metric()));
            return names;
        }

        Set<String> labelNames() {
            Set<String> names = new LinkedHashSet<>(groupingLabels);
            selectors.forEach(s -> names.addAll(s.labelNames()));
            return names;
        }
    }

    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");

    private final String expr;
    private int pos;
    private final List<Selector> selectors = new ArrayList<>();
    private final Set<String> groupingLabels = new LinkedHashSet<>();
    private final List<String> ranges = new ArrayList<>();

    private PromQl(String expr) {
        this.expr = expr;
    }

    static Scan scan(String expr) {
        PromQl scanner = new PromQl(expr);
        scanner.run();
        return new Scan(List.copyOf(scanner.selectors), Set.copyOf(scanner.groupingLabels), List.copyOf(scanner.ranges));
    }

    private void run() {
        while (pos < expr.length()) {
            char c = expr.charAt(pos);
            if (c == '"' || c == '\'' || c == '`') {
                readString();
            } else if (c == '{') {
                selectors.add(new Selector("", readMatchers()));
            } else if (c == '[') {
                int end = expr.indexOf(']', pos);
                ranges.add(expr.substring(pos + 1, end));
                pos = end + 1;
            } else if (Character.isDigit(c) || c == '.') {
                while (pos < expr.length() && (Character.isLetterOrDigit(expr.charAt(pos)) || expr.charAt(pos) == '.')) {
                    pos++;
                }
            } else if (isIdentStart(c)) {
                identifier(readIdentifier());
            } else {
                pos++;
            }
        }
    }

    private void identifier(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int next = skipSpaces(pos);
        boolean call = next < expr.length() && expr.charAt(next) == '(';
        if (LABEL_LIST_KEYWORDS.contains(lower)) {
            if (call) {
                int end = expr.indexOf(')', next);
                for (String label : expr.substring(next + 1, end).split(",")) {
                    if (!label.isBlank()) {
                        groupingLabels.add(label.strip());
                    }
                }
                pos = end + 1;
            }
        } else if (call || AGGREGATIONS.contains(lower) || KEYWORDS.contains(lower)) {
            // a function, an aggregation (its by-clause may come first) or an operator keyword
        } else if (next < expr.length() && expr.charAt(next) == '{') {
            pos = next;
            selectors.add(new Selector(name, readMatchers()));
        } else {
            selectors.add(new Selector(name, List.of()));
        }
    }

    private List<Matcher> readMatchers() {
        List<Matcher> matchers = new ArrayList<>();
        pos++; // '{'
        while (true) {
            pos = skipSpaces(pos);
            char c = expr.charAt(pos);
            if (c == '}') {
                pos++;
                return matchers;
            }
            if (c == ',') {
                pos++;
                continue;
            }
            String label = readIdentifier();
            pos = skipSpaces(pos);
            int opStart = pos;
            while ("=!~".indexOf(expr.charAt(pos)) >= 0) {
                pos++;
            }
            String op = expr.substring(opStart, pos);
            pos = skipSpaces(pos);
            matchers.add(new Matcher(label, op, readString()));
        }
    }

    private String readString() {
        char quote = expr.charAt(pos++);
        StringBuilder value = new StringBuilder();
        while (expr.charAt(pos) != quote) {
            if (expr.charAt(pos) == '\\' && quote != '`') {
                pos++;
            }
            value.append(expr.charAt(pos++));
        }
        pos++;
        return value.toString();
    }

    private String readIdentifier() {
        int start = pos;
        while (pos < expr.length() && (isIdentStart(expr.charAt(pos)) || Character.isDigit(expr.charAt(pos)))) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("expected an identifier at " + pos + " in: " + expr);
        }
        return expr.substring(start, pos);
    }

    private int skipSpaces(int from) {
        int i = from;
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }
}
