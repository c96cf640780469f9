package com.peaktrade.obs.grafana;

import java.time.Duration;

/**
 * {@code GET /api/health} (no auth): 200 with {@code "database":"ok"}, or 503 with
 * {@code "database":"failing"} (an answer, not a failure).
 *
 * @param version null when Grafana hides it ({@code hide_version})
 * @param commit  null when Grafana hides it
 */
public record GrafanaHealth(int httpStatus, String database, String version, String commit, Duration latency) {

    public boolean ok() {
        return httpStatus == 200 && "ok".equals(database);
    }
}
