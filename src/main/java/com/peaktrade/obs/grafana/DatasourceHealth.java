package com.peaktrade.obs.grafana;

import java.time.Duration;

/**
 * {@code GET /api/datasources/uid/{uid}/health}, whatever the status: 200 OK; 400 ERROR with
 * Grafana's reason (e.g. {@code … connect: connection refused - There was an error returned querying
 * the Prometheus API.}); 404/500 for an unknown uid (status ERROR, the message kept).
 *
 * @param status  "OK" or "ERROR" ("ERROR" also when Grafana sent no status with a non-2xx)
 * @param message Grafana's message, or the trimmed body when it was not JSON
 */
public record DatasourceHealth(int httpStatus, String status, String message, Duration latency) {

    public boolean ok() {
        return httpStatus == 200 && "OK".equals(status);
    }
}
