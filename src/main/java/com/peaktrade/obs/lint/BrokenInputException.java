package com.peaktrade.obs.lint;

/** An input that cannot be read as what it should be (unreadable, invalid syntax, wrong type): exit 2. */
final class BrokenInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    BrokenInputException(String message, int line) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
