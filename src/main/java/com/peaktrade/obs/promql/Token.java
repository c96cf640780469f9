package com.peaktrade.obs.promql;

/** One lexical token; {@code offset} is its 0-based start in the expression. */
record Token(Kind kind, String text, int offset) {
    enum Kind {
        IDENT, NUMBER, STRING, DURATION, VARIABLE, LPAREN, RPAREN, LBRACE, RBRACE, LBRACKET, RBRACKET,
        COMMA, COLON, OPERATOR, MATCH_OP, AT, EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isKeyword(String word) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(word);
    }
}
