package com.peaktrade.obs.checks;

import java.time.Duration;

/**
 * One endpoint of {@code debug health}.
 *
 * @param url     null when the service has no URL (its container is not running)
 * @param status  HTTP status, or -1 when nothing answered
 * @param latency null when nothing was sent
 * @param detail  what the answer said (body line, version, state), or why there was none
 */
public record EndpointHealth(String name, String url, int status, Duration latency, String detail, boolean ok) {
}
