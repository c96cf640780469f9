package com.peaktrade.obs.error;

/** The environment cannot be used: Docker unreachable, an image missing and not pullable. Exit 3. */
public class EnvironmentException extends ObsException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message, String hint) {
        this(message, hint, null);
    }

    public EnvironmentException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.ENVIRONMENT;
    }
}
