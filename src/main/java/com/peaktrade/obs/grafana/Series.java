package com.peaktrade.obs.grafana;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One series of a data frame: the Value field's labels and values. Grafana sends NaN and ±Inf as
 * {@code null} (listing them in {@code data.entities}), so those are null here.
 */
public record Series(Map<String, String> labels, List<Double> values) {

    /** True when at least one value is a real number. */
    public boolean hasNumber() {
        return values.stream().anyMatch(Objects::nonNull);
    }
}
