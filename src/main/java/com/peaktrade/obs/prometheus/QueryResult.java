package com.peaktrade.obs.prometheus;

import java.util.List;

/**
 * An instant query's result.
 *
 * @param resultType {@code vector}, {@code scalar}, {@code matrix} or {@code string}
 * @param samples    one per series for a vector; one without labels for a scalar; for a matrix
 *                   (a range selector queried instantly) each series' last point; none for a string
 * @param warnings   Prometheus' warnings (empty when none)
 * @param infos      Prometheus v3 infos (empty when none)
 */
public record QueryResult(String resultType, List<Sample> samples, List<String> warnings, List<String> infos) {

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    /** True when there is data and every value is a real number (not NaN, not ±Inf). */
    public boolean allFinite() {
        return !samples.isEmpty() && samples.stream().allMatch(Sample::isFinite);
    }
}
