package com.peaktrade.obs.standin.server;

import java.io.PrintStream;
import java.time.Instant;

/** Grafana-style logfmt lines on stdout ({@code logger=x t=... level=warn msg="..." key=value}). */
final class Log {
    private static final PrintStream OUT = System.out;
    private final String logger;

    private Log(String logger) {
        this.logger = logger;
    }

    static Log named(String logger) {
        return new Log(logger);
    }

    void info(String msg, Object... keyValues) {
        emit("info", msg, keyValues);
    }

    void warn(String msg, Object... keyValues) {
        emit("warn", msg, keyValues);
    }

    void error(String msg, Object... keyValues) {
        emit("error", msg, keyValues);
    }

    private void emit(String level, String msg, Object[] keyValues) {
        StringBuilder line = new StringBuilder(128).append("logger=").append(logger)
                .append(" t=").append(Instant.now()).append(" level=").append(level)
                .append(" msg=").append(quote(msg));
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            line.append(' ').append(keyValues[i]).append('=').append(quote(String.valueOf(keyValues[i + 1])));
        }
        synchronized (OUT) {
            OUT.println(line);
            OUT.flush();
        }
    }

    /** Quotes like go-logfmt: only when the value holds a space, '=', '"' or a control character. */
    static String quote(String value) {
        boolean needs = false;
        for (int i = 0; i < value.length() && !needs; i++) {
            char c = value.charAt(i);
            needs = c <= ' ' || c == '=' || c == '"' || c == '\\';
        }
        if (!needs) {
            return value;
        }
        StringBuilder q = new StringBuilder(value.length() + 8).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
