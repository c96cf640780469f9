package com.peaktrade.obs.prometheus.exposition;

import java.util.Map;

/**
 * One sample line of an exposition.
 *
 * @param name        the sample name as written (e.g. {@code foo_bucket})
 * @param labels      label values unescaped, in the order written
 * @param value       NaN and ±Inf kept as the double
 * @param timestampMs the optional timestamp in milliseconds, or null
 * @param line        1-based line number
 */
public record MetricSample(String name, Map<String, String> labels, double value, Long timestampMs, int line) {

    public String label(String labelName) {
        return labels.get(labelName);
    }
}
