package com.peaktrade.obs.contract;

import java.util.OptionalDouble;

/**
 * A PromQL query that must return data: at least {@code minSeries} series, no NaN, and every value
 * within [minValue, maxValue] where those are given. Its check id is {@code prometheus.query.NAME}.
 */
public record GoldenQuery(String name, String promql, int minSeries, OptionalDouble minValue, OptionalDouble maxValue,
        boolean optional, Where where) {

    public static final String CHECK_PREFIX = "prometheus.query.";

    public String checkId() {
        return CHECK_PREFIX + name;
    }
}
