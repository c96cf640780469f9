package com.peaktrade.obs.error;

import java.util.Map;
import java.util.function.Supplier;

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

    /**
     * A whole-number setting from the environment: {@code fallback} when unset or blank, the value
     * when it lies in {@code min..max}, else the caller's {@code invalid} error (each names its own
     * setting and what it is for).
     */
    public static int intSetting(Map<String, String> env, String name, int fallback, int min, int max,
            Supplier<ConfigException> invalid) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // the caller's error says what was expected
        }
        throw invalid.get();
    }

    @Override
    public int exitCode() {
        return ExitCodes.USAGE;
    }
}
