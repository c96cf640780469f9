package com.peaktrade.obs.prometheus;

import java.time.Instant;
import java.util.Map;

/**
 * One series of an instant query: its labels and value. NaN and ±Inf are kept as the double
 * ({@link Double#isNaN}, {@link Double#isInfinite}).
 */
public record Sample(Map<String, String> metric, double value, Instant timestamp) {

    /** A real number: neither NaN nor ±Inf. */
    public boolean isFinite() {
        return Double.isFinite(value);
    }
}
