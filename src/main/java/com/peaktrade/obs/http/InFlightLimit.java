package com.peaktrade.obs.http;

import com.peaktrade.obs.error.ConfigException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@code max} requests in flight to one server at once, so that checks fanning out over a
 * thousand dashboards never flood a production Grafana or Prometheus. A caller waits for a free
 * slot at most as long as the request itself may take; then it fails as a TIMEOUT naming the limit,
 * rather than queueing forever. Fair: the longest waiter goes first.
 */
public final class InFlightLimit {
    /** The default, and what {@code PEAKTRADE_OBS_MAX_IN_FLIGHT} overrides. */
    public static final int DEFAULT_MAX = 8;
    public static final String ENV = "PEAKTRADE_OBS_MAX_IN_FLIGHT";
    private static final int CEILING = 64;

    private final int max;
    private final Semaphore slots;

    public InFlightLimit(int max) {
        if (max < 1 || max > CEILING) {
            throw new IllegalArgumentException("in-flight limit must be 1.." + CEILING + ", got " + max);
        }
        this.max = max;
        this.slots = new Semaphore(max, true);
    }

    /**
     * The limit the user chose: {@code PEAKTRADE_OBS_MAX_IN_FLIGHT} from the environment, else {@value #DEFAULT_MAX}.
     *
     * @throws ConfigException for a value that is not a number from 1 to 64
     */
    public static int configured(Map<String, String> env) {
        return ConfigException.intSetting(env, ENV, DEFAULT_MAX, 1, CEILING, () -> new ConfigException(
                ENV + "=" + env.get(ENV) + " is not a number from 1 to " + CEILING,
                "set it to how many requests may run at once against one Grafana or Prometheus (default " + DEFAULT_MAX + ")"));
    }

    public int max() {
        return max;
    }

    /**
     * Runs {@code call} in a slot.
     *
     * @throws HttpFailure TIMEOUT when no slot came free within {@code wait}, or the wait was interrupted
     */
    public <T> T call(String method, String url, Duration wait, Supplier<T> call) {
        try {
            if (!slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw HttpFailure.withoutAnswer(HttpFailure.Kind.TIMEOUT, method, url, "not sent: " + max
                        + " requests to this server were in flight for " + HttpTransport.human(wait)
                        + " (" + ENV + " raises the limit)", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HttpFailure.withoutAnswer(HttpFailure.Kind.TIMEOUT, method, url, "interrupted", e);
        }
        try {
            return call.get();
        } finally {
            slots.release();
        }
    }
}
