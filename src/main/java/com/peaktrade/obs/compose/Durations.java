package com.peaktrade.obs.compose;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go-style durations as compose writes them: {@code 1m30s}, {@code 500ms}, {@code 1.5s}, {@code 2h}. */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

    private Durations() {
    }

    static Duration parse(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher part = PART.matcher(text);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(nanosPer(part.group(2)))));
            end = part.end();
        }
        if (end == 0 || end != text.length()) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\" (use e.g. 10s, 1m30s, 500ms)");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    private static long nanosPer(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
    }

    /**
     * Go's time.Duration.String(), which compose writes and hashes: "1m30s", "1h0m0s", "1.5s",
     * "500ms", "1.5µs", "0s". Under a second the unit is ns, µs or ms with a decimal fraction.
     */
    static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return decimal(nanos, 3) + "µs";
        }
        if (nanos < 1_000_000_000) {
            return decimal(nanos, 6) + "ms";
        }
        StringBuilder text = new StringBuilder();
        long minutes = nanos / 60_000_000_000L;
        if (minutes >= 60) {
            text.append(minutes / 60).append('h');
        }
        if (minutes > 0) {
            text.append(minutes % 60).append('m');
        }
        return text.append(decimal(nanos % 60_000_000_000L, 9)).append('s').toString();
    }

    /** value / 10^scale without trailing zeros (and without a point when whole). */
    private static String decimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
    }
}
