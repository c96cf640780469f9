package com.peaktrade.obs.error;

/**
 * An expected failure that stops a command before or while it acts: the message names the thing
 * (file, URL, container) and {@link #hint()} says what to do next. The CLI prints both on one
 * line each and exits with {@link #exitCode()}; no stack trace unless --debug.
 */
public abstract class ObsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    protected ObsException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What the user can do about it, or null. */
    public String hint() {
        return hint;
    }

    public abstract int exitCode();
}
