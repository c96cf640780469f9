package com.peaktrade.obs.checks;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One answer shared by the checks that poll the same thing at about the same time: with 200 scrape
 * jobs, 200 {@code prometheus.targets.<job>} checks would each fetch the whole target list (N × N
 * bytes). A caller gets the last answer while it is younger than {@code maxAge}; otherwise it
 * fetches, and callers arriving meanwhile wait for that fetch instead of starting their own. A
 * failure is not kept: the next caller asks again.
 */
final class SharedFetch<T> {
    private final Duration maxAge;
    private final Supplier<T> fetch;
    private T value;
    private long fetchedAt;

    SharedFetch(Duration maxAge, Supplier<T> fetch) {
        this.maxAge = maxAge;
        this.fetch = fetch;
    }

    synchronized T get() {
        long now = System.nanoTime();
        if (value != null && now - fetchedAt < maxAge.toNanos()) {
            return value;
        }
        T fresh = fetch.get();
        value = fresh;
        fetchedAt = System.nanoTime();
        return fresh;
    }
}
