package com.peaktrade.obs.prometheus;

import com.peaktrade.obs.http.Response;
import java.time.Duration;

/**
 * The answer of {@code /-/ready} or {@code /-/healthy}, whatever its status: 503 while Prometheus
 * starts (WAL replay) or stops is an answer, not a failure.
 *
 * @param body the body trimmed to one line of about 300 characters
 */
public record Probe(String url, int status, String body, Duration latency) {

    static Probe of(Response response) {
        return new Probe(response.url(), response.status(), response.excerpt(), response.latency());
    }

    /** 200: ready (or healthy). */
    public boolean ok() {
        return status == 200;
    }
}
