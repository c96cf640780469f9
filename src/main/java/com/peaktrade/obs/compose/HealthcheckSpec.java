package com.peaktrade.obs.compose;

import java.time.Duration;
import java.util.List;

/** A service healthcheck; null fields mean "image default". */
public record HealthcheckSpec(List<String> test, Duration interval, Duration timeout, Integer retries,
        Duration startPeriod, boolean disable) {
    public HealthcheckSpec {
        test = test == null ? null : List.copyOf(test);
    }
}
