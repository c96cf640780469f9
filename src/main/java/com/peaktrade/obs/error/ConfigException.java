package com.peaktrade.obs.error;

/** Usage or configuration error: a bad value, a missing or broken file, an unset {@code ${X:?}}. Exit 2. */
public class ConfigException extends ObsException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        this(message, null, null);
    }

    public ConfigException(String message, String hint) {
        this(message, hint, null);
    }

    public ConfigException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.USAGE;
    }
}
