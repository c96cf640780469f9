package com.peaktrade.obs.prometheus.exposition;

import java.time.Duration;

/**
 * What a {@code /metrics} URL answered, whatever the status (the web app's strict mode answers 503
 * {@code prometheus_client required but unavailable}).
 *
 * @param contentType the Content-Type header, or null
 * @param body        the whole body as text
 * @param size        the body size in bytes
 */
public record Scrape(String url, int status, String contentType, String body, long size, Duration latency) {

    public boolean ok() {
        return status == 200;
    }

    /** The body parsed as an exposition (whatever the status). */
    public Exposition parse() {
        return Exposition.parse(body);
    }
}
