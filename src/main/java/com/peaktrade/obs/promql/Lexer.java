package com.peaktrade.obs.promql;

import com.peaktrade.obs.promql.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a PromQL expression into tokens, including Grafana's template variables ({@code $x},
 * {@code ${x}}, {@code ${x:fmt}}, {@code [[x]]}), which dashboards put where a duration, a number or
 * a label value goes. Strings keep their decoded value.
 */
final class Lexer {
    private static final Pattern BRACKET_VARIABLE = Pattern.compile("\\[\\[([A-Za-z0-9_]+)(?::[A-Za-z0-9_]+)?]]");
    private static final Pattern DURATION = Pattern.compile("(?:[0-9]+(?:ms|[smhdwy]))+");
    private static final Pattern NUMBER = Pattern.compile(
            "0[xX][0-9a-fA-F]+|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private final String input;
    private int pos;

    private Lexer(String input) {
        this.input = input;
    }

    static List<Token> tokenize(String input) {
        return new Lexer(input).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= input.length()) {
                tokens.add(new Token(Kind.EOF, "", pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < input.length() && input.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = input.charAt(pos);
        switch (c) {
            case '(': pos++; return new Token(Kind.LPAREN, "(", start);
            case ')': pos++; return new Token(Kind.RPAREN, ")", start);
            case '{': pos++; return new Token(Kind.LBRACE, "{", start);
            case '}': pos++; return new Token(Kind.RBRACE, "}", start);
            case ']': pos++; return new Token(Kind.RBRACKET, "]", start);
            case ',': pos++; return new Token(Kind.COMMA, ",", start);
            case ':': pos++; return new Token(Kind.COLON, ":", start);
            case '@': pos++; return new Token(Kind.AT, "@", start);
            case '[': {
                Matcher m = BRACKET_VARIABLE.matcher(input).region(pos, input.length());
                if (m.lookingAt()) {
                    pos = m.end();
                    return new Token(Kind.VARIABLE, m.group(1), start);
                }
                pos++;
                return new Token(Kind.LBRACKET, "[", start);
            }
            case '"', '\'', '`':
                return string(c);
            case '$':
                return variable();
            default:
                break;
        }
        for (String op : new String[] {"==", "!=", "=~", "!~", ">=", "<=", "=", ">", "<", "+", "-", "*", "/", "%", "^"}) {
            if (input.startsWith(op, pos)) {
                pos += op.length();
                boolean matchOp = op.equals("=") || op.equals("=~") || op.equals("!~");
                return new Token(matchOp ? Kind.MATCH_OP : Kind.OPERATOR, op, start);
            }
        }
        Matcher duration = DURATION.matcher(input).region(pos, input.length());
        if (duration.lookingAt() && !identifierContinues(duration.end())) {
            pos = duration.end();
            return new Token(Kind.DURATION, duration.group(), start);
        }
        Matcher number = NUMBER.matcher(input).region(pos, input.length());
        if ((Character.isDigit(c) || c == '.') && number.lookingAt()) {
            pos = number.end();
            return new Token(Kind.NUMBER, number.group(), start);
        }
        if (isIdentStart(c)) {
            while (pos < input.length() && isIdentPart(input.charAt(pos))) {
                pos++;
            }
            return new Token(Kind.IDENT, input.substring(start, pos), start);
        }
        throw new PromqlException("unexpected character '" + c + "'", start);
    }

    private boolean identifierContinues(int at) {
        return at < input.length() && (Character.isLetterOrDigit(input.charAt(at)) || input.charAt(at) == '_');
    }

    private Token variable() {
        int start = pos;
        pos++;
        if (pos < input.length() && input.charAt(pos) == '{') {
            int close = input.indexOf('}', pos);
            if (close < 0) {
                throw new PromqlException("unclosed ${ of a template variable", start);
            }
            String inner = input.substring(pos + 1, close);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            if (!name.matches("[A-Za-z0-9_.]+")) {
                throw new PromqlException("invalid template variable ${" + inner + "}", start);
            }
            pos = close + 1;
            return new Token(Kind.VARIABLE, name, start);
        }
        int nameStart = pos;
        while (pos < input.length() && (Character.isLetterOrDigit(input.charAt(pos)) || input.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == nameStart) {
            throw new PromqlException("'$' without a variable name", start);
        }
        return new Token(Kind.VARIABLE, input.substring(nameStart, pos), start);
    }

    private Token string(char quote) {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos++);
            if (c == quote) {
                return new Token(Kind.STRING, value.toString(), start);
            }
            if (c == '\\' && quote != '`' && pos < input.length()) {
                char e = input.charAt(pos++);
                value.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else if (c == '\n' && quote != '`') {
                break;
            } else {
                value.append(c);
            }
        }
        throw new PromqlException("unterminated string", start);
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) && c < 128 || c == '_' || c == ':';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || Character.isDigit(c);
    }
}
