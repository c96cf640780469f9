package com.peaktrade.obs.promql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PromQL duration literals ({@code 1h30m}, {@code 500ms}) in milliseconds. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|[smhdwy])");

    private Durations() {
    }

    /** Milliseconds of a literal such as {@code 5m} or {@code 1h30m}; IllegalArgumentException if it is none. */
    public static long millis(String text) {
        Matcher m = PART.matcher(text);
        long total = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total += n * switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                case "d" -> 86_400_000L;
                case "w" -> 604_800_000L;
                default -> 31_536_000_000L;
            };
            end = m.end();
        }
        if (end == 0 || end != text.length()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return total;
    }
}
