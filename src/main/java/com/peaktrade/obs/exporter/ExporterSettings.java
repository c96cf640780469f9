package com.peaktrade.obs.exporter;

import com.peaktrade.obs.error.ConfigException;

/**
 * Where the exporter listens and which mode/exchange its series carry. Validated on construction
 * (a bad value is a {@link ConfigException}, exit 2). Port 0 means "any free port" and is for
 * embedding and tests; {@link #forCommandLine} accepts only 1..65535.
 */
public record ExporterSettings(String host, int port, String mode, String exchange) {
    public static final String DEFAULT_HOST = "127.0.0.1";

    public ExporterSettings {
        if (host == null || host.isBlank()) {
            throw new ConfigException("--host must not be empty",
                    "use 127.0.0.1 (this machine only) or 0.0.0.0 (all interfaces, e.g. in a container)");
        }
        if (port < 0 || port > 65535) {
            throw portOutOfRange(port);
        }
        checkLabelValue("--mode", mode);
        checkLabelValue("--exchange", exchange);
    }

    /** Settings from the command line's flags: like the constructor, but the port must be 1..65535. */
    public static ExporterSettings forCommandLine(String host, int port, String mode, String exchange) {
        if (port == 0) {
            throw portOutOfRange(port);
        }
        return new ExporterSettings(host, port, mode, exchange);
    }

    /** The address as written in a URL: IPv6 literals in brackets. */
    public String urlHost() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static ConfigException portOutOfRange(int port) {
        return new ConfigException("--port " + port + " is out of range: must be 1..65535",
                "pick another port, e.g. --port " + ShadowMvsContract.DEFAULT_PORT);
    }

    private static void checkLabelValue(String flag, String value) {
        ShadowMvsContract.labelValueProblem(value).ifPresent(problem -> {
            throw new ConfigException(flag + " '" + (value == null ? "" : value.replaceAll("\\p{Cntrl}", "?"))
                    + "' is not a usable label value: it " + problem,
                    "use a short name such as " + String.join(" or ",
                            flag.equals("--mode") ? ShadowMvsContract.KNOWN_MODES : ShadowMvsContract.KNOWN_EXCHANGES));
        });
    }
}
