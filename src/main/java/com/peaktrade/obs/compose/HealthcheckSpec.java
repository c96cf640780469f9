package com.peaktrade.obs.compose;

import java.time.Duration;
import java.util.List;

/**
 * A service healthcheck; null fields mean "image default". {@code disable} is the file's
 * {@code disable:} as written (compose hashes it so); {@link #disabled()} is what it means.
 */
public record HealthcheckSpec(List<String> test, Duration interval, Duration timeout, Integer retries,
        Duration startPeriod, boolean disable) {
    public HealthcheckSpec {
        test = test == null ? null : List.copyOf(test);
    }

    /** No healthcheck at all: {@code disable: true} or {@code test: ["NONE"]}. */
    public boolean disabled() {
        return disable || List.of("NONE").equals(test);
    }
}
