package com.peaktrade.obs.check;

import com.peaktrade.obs.error.ConfigException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as users type them for {@code --timeout}, {@code --budget}, {@code --since}: 500ms,
 * 30s, 5m, 1h30m, 1.5s, 2d. The one parser for every duration option of the CLI.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:" + PART.pattern() + ")+");
    private static final String EXAMPLES = "use e.g. 500ms, 30s, 5m or 1h30m";

    private Durations() {
    }

    /** Parses one duration; bad text is a {@link ConfigException} (exit 2) naming it. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(t).matches()) {
            throw new ConfigException("invalid duration '" + text + "'", EXAMPLES);
        }
        BigDecimal millis = BigDecimal.ZERO;
        Matcher part = PART.matcher(t);
        while (part.find()) {
            millis = millis.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(millisPer(part.group(2)))));
        }
        return Duration.ofMillis(millis.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** Parses {@code --budget ID=DURATION} values, keeping their order; an error names the id. */
    public static Map<String, Duration> parseAll(Map<String, String> textById) {
        Map<String, Duration> parsed = new LinkedHashMap<>();
        textById.forEach((id, text) -> {
            try {
                parsed.put(id, parse(text));
            } catch (ConfigException e) {
                throw new ConfigException("invalid duration '" + text + "' for " + id, EXAMPLES);
            }
        });
        return parsed;
    }

    /** The shortest text {@link #parse} reads back: 200ms, 30s, 1.5s, 1m30s, 1h. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        StringBuilder text = new StringBuilder();
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long secondMillis = millis % 60_000;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (secondMillis > 0) {
            text.append(BigDecimal.valueOf(secondMillis, 3).stripTrailingZeros().toPlainString()).append('s');
        }
        return text.toString();
    }

    /** Seconds with one decimal, as the reports show them: "0.4". */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e9);
    }

    private static long millisPer(String unit) {
        return switch (unit) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
        };
    }
}
