package com.peaktrade.obs.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A parsed PromQL expression. Nodes are immutable; {@link #walk} visits a node and all below it. */
public sealed interface Expr {

    /** 0-based offset of the node in the expression text. */
    int offset();

    /** Direct sub-expressions, in source order. */
    default List<Expr> children() {
        return List.of();
    }

    /** Visits this node, then its children depth-first in source order. */
    default void walk(Consumer<Expr> visitor) {
        visitor.accept(this);
        for (Expr child : children()) {
            child.walk(visitor);
        }
    }

    /** All nodes of a type below and including this one, in source order. */
    default <T extends Expr> List<T> collect(Class<T> type) {
        List<T> found = new ArrayList<>();
        walk(e -> {
            if (type.isInstance(e)) {
                found.add(type.cast(e));
            }
        });
        return found;
    }

    /** {@code label op "value"} inside braces; op is one of = != =~ !~. */
    record Matcher(String label, String op, String value) {
        public boolean isEquality() {
            return op.equals("=");
        }

        public boolean isNegative() {
            return op.startsWith("!");
        }

        @Override
        public String toString() {
            return label + op + '"' + value + '"';
        }
    }

    /**
     * {@code name{matchers}} with an optional range ({@code [5m]}, or a template variable such as
     * {@code $__rate_interval}): {@code name} is null for {@code {__name__=…}} or {@code {job=…}} alone.
     */
    record Selector(String name, List<Matcher> matchers, Duration range, int offset) implements Expr {
        public Selector {
            matchers = List.copyOf(matchers);
        }

        /** The metric name, from the name or an equality matcher on {@code __name__}; null if neither. */
        public String metricName() {
            if (name != null) {
                return name;
            }
            return matchers.stream().filter(m -> m.label().equals("__name__") && m.isEquality())
                    .map(Matcher::value).findFirst().orElse(null);
        }

        public boolean hasRange() {
            return range != null;
        }
    }

    /** A range or step: literal text ({@code 5m}) or a template variable name ({@code __rate_interval}). */
    record Duration(String text, boolean variable) {
        /** Milliseconds of a literal duration; -1 for a variable. */
        public long millis() {
            return variable ? -1 : Durations.millis(text);
        }

        @Override
        public String toString() {
            return variable ? "$" + text : text;
        }
    }

    record NumberLiteral(String text, int offset) implements Expr {
    }

    record StringLiteral(String value, int offset) implements Expr {
    }

    /** A Grafana template variable standing where a value goes (e.g. {@code topk($n, …)}). */
    record Variable(String name, int offset) implements Expr {
    }

    record Call(String function, List<Expr> args, int offset) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public List<Expr> children() {
            return args;
        }
    }

    /** {@code by (…)} or {@code without (…)}. */
    record Grouping(boolean without, List<String> labels) {
        public Grouping {
            labels = List.copyOf(labels);
        }
    }

    /** {@code op [by|without (labels)] ([param,] expr)}; grouping null when absent. */
    record Aggregation(String op, Expr param, Expr expr, Grouping grouping, int offset) implements Expr {
        @Override
        public List<Expr> children() {
            return param == null ? List.of(expr) : List.of(param, expr);
        }
    }

    /** {@code on(…)}/{@code ignoring(…)} with optional {@code group_left(…)}/{@code group_right(…)}. */
    record VectorMatching(boolean on, List<String> labels, String group, List<String> include) {
        public VectorMatching {
            labels = List.copyOf(labels);
            include = List.copyOf(include);
        }
    }

    record Binary(String op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching, int offset) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(lhs, rhs);
        }
    }

    record Unary(String op, Expr expr, int offset) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(expr);
        }
    }

    record Paren(Expr expr, int offset) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(expr);
        }
    }

    /** {@code expr[range:step]}; step null when omitted. */
    record Subquery(Expr expr, Duration range, Duration step, int offset) implements Expr {
        @Override
        public List<Expr> children() {
            return List.of(expr);
        }
    }

    /** The expression inside any parentheses. */
    static Expr unwrap(Expr expr) {
        Expr e = expr;
        while (e instanceof Paren p) {
            e = p.expr();
        }
        return e;
    }
}
