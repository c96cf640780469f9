package com.peaktrade.obs.promql;

/** An expression the parser cannot read: the message says what was expected and where (1-based column). */
public final class PromqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int column;

    PromqlException(String message, int offset) {
        super("1:" + (offset + 1) + ": " + message);
        this.column = offset + 1;
    }

    /** 1-based column of the problem in the expression. */
    public int column() {
        return column;
    }
}
