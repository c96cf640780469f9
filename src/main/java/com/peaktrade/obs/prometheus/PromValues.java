package com.peaktrade.obs.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus' spellings of numbers and durations. */
public final class PromValues {
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");

    private PromValues() {
    }

    /**
     * A sample value as Prometheus writes it: {@code NaN}, {@code +Inf}, {@code -Inf} (also {@code Inf},
     * any case) or a Go float.
     *
     * @throws NumberFormatException for anything else
     */
    public static double parseValue(String text) {
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "+inf":
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!FLOAT.matcher(text).matches()) {
                    throw new NumberFormatException("not a number: " + text);
                }
                return Double.parseDouble(text);
        }
    }

    /**
     * A Prometheus duration such as {@code 15s}, {@code 1m30s}, {@code 500ms}, {@code 1d}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Duration parseDuration(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION_PART.matcher(text);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("not a Prometheus duration: " + text);
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(unit(m.group(2)).multipliedBy(n));
            at = m.end();
        }
        return total;
    }

    private static Duration unit(String unit) {
        switch (unit) {
            case "ms":
                return Duration.ofMillis(1);
            case "s":
                return Duration.ofSeconds(1);
            case "m":
                return Duration.ofMinutes(1);
            case "h":
                return Duration.ofHours(1);
            case "d":
                return Duration.ofDays(1);
            case "w":
                return Duration.ofDays(7);
            default:
                return Duration.ofDays(365);
        }
    }

    /** Seconds as a float (a scrape duration, a query timestamp) to a Duration. */
    public static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** Unix seconds as a float to an Instant. */
    public static Instant unixSeconds(double seconds) {
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
    }
}
