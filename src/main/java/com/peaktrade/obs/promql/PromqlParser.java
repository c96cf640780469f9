package com.peaktrade.obs.promql;

import com.peaktrade.obs.promql.Expr.Aggregation;
import com.peaktrade.obs.promql.Expr.Binary;
import com.peaktrade.obs.promql.Expr.Call;
import com.peaktrade.obs.promql.Expr.Duration;
import com.peaktrade.obs.promql.Expr.Grouping;
import com.peaktrade.obs.promql.Expr.Matcher;
import com.peaktrade.obs.promql.Expr.NumberLiteral;
import com.peaktrade.obs.promql.Expr.Paren;
import com.peaktrade.obs.promql.Expr.Selector;
import com.peaktrade.obs.promql.Expr.StringLiteral;
import com.peaktrade.obs.promql.Expr.Subquery;
import com.peaktrade.obs.promql.Expr.Unary;
import com.peaktrade.obs.promql.Expr.Variable;
import com.peaktrade.obs.promql.Expr.VectorMatching;
import com.peaktrade.obs.promql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for the PromQL that dashboards use: selectors with matchers and ranges,
 * functions, aggregations with by/without (before or after the arguments), binary operators with
 * Prometheus' precedence, bool, on/ignoring, group_left/right, subqueries, offset and @, plus
 * Grafana template variables in ranges and value positions. It builds a tree for analysis; it
 * does not type-check (a range vector where an instant vector belongs is not reported).
 */
public final class PromqlParser {
    /** Aggregation operators; those in {@link #PARAM_AGGREGATIONS} take a parameter first. */
    public static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    static final Set<String> PARAM_AGGREGATIONS = Set.of("count_values", "bottomk", "topk", "quantile", "limitk",
            "limit_ratio");
    private static final int MAX_DEPTH = 200;

    private final List<Token> tokens;
    private int index;
    private int depth;

    private PromqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code expression}; a PromqlException names the first problem and its column. */
    public static Expr parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new PromqlException("empty expression", 0);
        }
        PromqlParser parser = new PromqlParser(Lexer.tokenize(expression));
        Expr expr = parser.expression(0);
        Token rest = parser.peek();
        if (!rest.is(Kind.EOF)) {
            throw new PromqlException("unexpected '" + rest.text() + "' after the end of the expression", rest.offset());
        }
        return expr;
    }

    // precedence: 1 or; 2 and unless; 3 comparisons; 4 + -; 5 * / % atan2; 6 ^ (right-associative)
    private static int precedence(Token t) {
        if (t.is(Kind.OPERATOR)) {
            return switch (t.text()) {
                case "==", "!=", ">", "<", ">=", "<=" -> 3;
                case "+", "-" -> 4;
                case "*", "/", "%" -> 5;
                case "^" -> 6;
                default -> -1;
            };
        }
        if (t.is(Kind.IDENT)) {
            return switch (t.text().toLowerCase(Locale.ROOT)) {
                case "or" -> 1;
                case "and", "unless" -> 2;
                case "atan2" -> 5;
                default -> -1;
            };
        }
        return -1;
    }

    private Expr expression(int minPrecedence) {
        if (++depth > MAX_DEPTH) {
            throw new PromqlException("expression nested too deeply", peek().offset());
        }
        Expr lhs = unary();
        while (true) {
            Token op = peek();
            int prec = precedence(op);
            if (prec < 0 || prec < minPrecedence) {
                break;
            }
            index++;
            String opText = op.text().toLowerCase(Locale.ROOT);
            boolean returnBool = false;
            if (peek().isKeyword("bool")) {
                index++;
                returnBool = true;
            }
            VectorMatching matching = matching();
            // left-associative: the right side binds tighter; ^ is right-associative
            Expr rhs = expression(prec == 6 ? prec : prec + 1);
            lhs = new Binary(opText, lhs, rhs, returnBool, matching, op.offset());
        }
        depth--;
        return lhs;
    }

    private VectorMatching matching() {
        Token t = peek();
        if (!t.isKeyword("on") && !t.isKeyword("ignoring")) {
            return null;
        }
        index++;
        boolean on = t.isKeyword("on");
        List<String> labels = labelList();
        String group = null;
        List<String> include = List.of();
        Token g = peek();
        if (g.isKeyword("group_left") || g.isKeyword("group_right")) {
            index++;
            group = g.text().toLowerCase(Locale.ROOT);
            if (peek().is(Kind.LPAREN)) {
                include = labelList();
            }
        }
        return new VectorMatching(on, labels, group, include);
    }

    private Expr unary() {
        Token t = peek();
        if (t.is(Kind.OPERATOR) && (t.text().equals("-") || t.text().equals("+"))) {
            index++;
            return new Unary(t.text(), expression(6), t.offset());
        }
        return postfix(primary());
    }

    private Expr postfix(Expr expr) {
        Expr e = expr;
        while (true) {
            Token t = peek();
            if (t.is(Kind.LBRACKET)) {
                index++;
                Duration range = duration("a range such as 5m or $__rate_interval");
                if (peek().is(Kind.COLON)) {
                    index++;
                    Duration step = peek().is(Kind.RBRACKET) ? null : duration("a subquery step");
                    expect(Kind.RBRACKET, "']'");
                    e = new Subquery(e, range, step, t.offset());
                } else {
                    expect(Kind.RBRACKET, "']'");
                    if (!(e instanceof Selector s) || s.hasRange()) {
                        throw new PromqlException("ranges only apply to a plain selector", t.offset());
                    }
                    e = new Selector(s.name(), s.matchers(), range, s.offset());
                }
            } else if (t.isKeyword("offset")) {
                index++;
                if (peek().is(Kind.OPERATOR) && peek().text().equals("-")) {
                    index++;
                }
                duration("an offset duration");
            } else if (t.is(Kind.AT)) {
                index++;
                Token at = next();
                boolean startOrEnd = at.isKeyword("start") || at.isKeyword("end");
                if (startOrEnd) {
                    expect(Kind.LPAREN, "'('");
                    expect(Kind.RPAREN, "')'");
                } else if (!at.is(Kind.NUMBER) && !at.is(Kind.VARIABLE)) {
                    throw new PromqlException("expected a timestamp, start() or end() after @", at.offset());
                }
            } else {
                return e;
            }
        }
    }

    private Duration duration(String what) {
        Token t = next();
        if (t.is(Kind.DURATION)) {
            return new Duration(t.text(), false);
        }
        if (t.is(Kind.VARIABLE)) {
            return new Duration(t.text(), true);
        }
        throw new PromqlException("expected " + what + ", found " + describe(t), t.offset());
    }

    private Expr primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new NumberLiteral(t.text(), t.offset());
            case STRING:
                return new StringLiteral(t.text(), t.offset());
            case VARIABLE:
                if (peek().is(Kind.LBRACE)) {
                    return new Selector("$" + t.text(), matchers(), null, t.offset());
                }
                return new Variable(t.text(), t.offset());
            case LPAREN: {
                Expr inner = expression(0);
                expect(Kind.RPAREN, "')'");
                return new Paren(inner, t.offset());
            }
            case LBRACE:
                index--;
                return new Selector(null, matchers(), null, t.offset());
            case IDENT:
                return identifier(t);
            default:
                throw new PromqlException(t.is(Kind.EOF) ? "unexpected end of the expression"
                        : "unexpected " + describe(t), t.offset());
        }
    }

    private Expr identifier(Token t) {
        String lower = t.text().toLowerCase(Locale.ROOT);
        Token after = peek();
        if (AGGREGATIONS.contains(lower) && (after.is(Kind.LPAREN) || after.isKeyword("by") || after.isKeyword("without"))) {
            return aggregation(lower, t.offset());
        }
        if (after.is(Kind.LPAREN)) {
            index++;
            List<Expr> args = new ArrayList<>();
            if (!peek().is(Kind.RPAREN)) {
                do {
                    args.add(expression(0));
                } while (accept(Kind.COMMA));
            }
            expect(Kind.RPAREN, "')' or ',' in the arguments of " + t.text() + "()");
            return new Call(t.text(), args, t.offset());
        }
        if ((lower.equals("inf") || lower.equals("nan")) && !after.is(Kind.LBRACE)) {
            return new NumberLiteral(t.text(), t.offset());
        }
        if (precedence(t) > 0 || Set.of("by", "without", "on", "ignoring", "bool", "offset").contains(lower)) {
            throw new PromqlException("unexpected keyword '" + t.text() + "'", t.offset());
        }
        List<Matcher> matchers = after.is(Kind.LBRACE) ? matchers() : List.of();
        return new Selector(t.text(), matchers, null, t.offset());
    }

    private Expr aggregation(String op, int offset) {
        Grouping grouping = grouping();
        expect(Kind.LPAREN, "'(' after " + op);
        Expr param = null;
        if (PARAM_AGGREGATIONS.contains(op)) {
            param = expression(0);
            expect(Kind.COMMA, "',' after the parameter of " + op);
        }
        Expr expr = expression(0);
        expect(Kind.RPAREN, "')' closing " + op + "(…)");
        if (grouping == null) {
            grouping = grouping();
        }
        return new Aggregation(op, param, expr, grouping, offset);
    }

    private Grouping grouping() {
        Token t = peek();
        if (t.isKeyword("by") || t.isKeyword("without")) {
            index++;
            return new Grouping(t.isKeyword("without"), labelList());
        }
        return null;
    }

    private List<String> labelList() {
        expect(Kind.LPAREN, "'(' before a label list");
        List<String> labels = new ArrayList<>();
        while (!peek().is(Kind.RPAREN)) {
            Token label = next();
            if (!label.is(Kind.IDENT) && !label.is(Kind.STRING)) {
                throw new PromqlException("expected a label name, found " + describe(label), label.offset());
            }
            labels.add(label.text());
            if (!accept(Kind.COMMA)) {
                break;
            }
        }
        expect(Kind.RPAREN, "')' closing the label list");
        return labels;
    }

    private List<Matcher> matchers() {
        expect(Kind.LBRACE, "'{'");
        List<Matcher> matchers = new ArrayList<>();
        while (!peek().is(Kind.RBRACE)) {
            Token label = next();
            if (!label.is(Kind.IDENT) && !label.is(Kind.STRING)) {
                throw new PromqlException("expected a label name, found " + describe(label), label.offset());
            }
            Token op = next();
            if (!op.is(Kind.MATCH_OP) && !(op.is(Kind.OPERATOR) && op.text().equals("!="))) {
                if (label.is(Kind.STRING) && (op.is(Kind.COMMA) || op.is(Kind.RBRACE))) {
                    // Prometheus 3: a quoted metric name inside the braces
                    matchers.add(new Matcher("__name__", "=", label.text()));
                    if (op.is(Kind.RBRACE)) {
                        return matchers;
                    }
                    continue;
                }
                throw new PromqlException("expected =, !=, =~ or !~ after label " + label.text() + ", found "
                        + describe(op), op.offset());
            }
            Token value = next();
            if (!value.is(Kind.STRING)) {
                throw new PromqlException("expected a quoted value for label " + label.text() + ", found "
                        + describe(value), value.offset());
            }
            matchers.add(new Matcher(label.text(), op.text(), value.text()));
            if (!accept(Kind.COMMA)) {
                break;
            }
        }
        expect(Kind.RBRACE, "'}' or ',' in the label matchers");
        return matchers;
    }

    private static String describe(Token t) {
        return t.is(Kind.EOF) ? "the end of the expression" : "'" + t.text() + "'";
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (!t.is(Kind.EOF)) {
            index++;
        }
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().is(kind)) {
            index++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind, String what) {
        Token t = next();
        if (!t.is(kind)) {
            throw new PromqlException("expected " + what + ", found " + describe(t), t.offset());
        }
    }
}
