package com.peaktrade.obs.compose;

import java.util.Set;

/** A depends_on entry: the condition to wait for and whether the dependency is required. */
public record DependsOn(String condition, boolean required) {
    public static final String STARTED = "service_started";
    public static final String HEALTHY = "service_healthy";
    public static final String COMPLETED = "service_completed_successfully";
    static final Set<String> CONDITIONS = Set.of(STARTED, HEALTHY, COMPLETED);
}
