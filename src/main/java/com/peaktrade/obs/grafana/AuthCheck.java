package com.peaktrade.obs.grafana;

import java.time.Duration;

/**
 * Basic auth was accepted by an authenticated call ({@code GET /api/datasources}).
 *
 * @param user               the user name (never the password)
 * @param datasourcesVisible how many data sources that user sees
 */
public record AuthCheck(String user, int datasourcesVisible, Duration latency) {
}
