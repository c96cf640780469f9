package com.peaktrade.obs.grafana;

import java.time.Duration;
import java.util.List;

/**
 * The answer of {@code POST /api/ds/query} for one instant query (refId A), whatever the status:
 * 200 with series (none for an empty vector); 400 with the query's error (e.g.
 * {@code bad_data: invalid parameter "query": …}); 404 {@code Data source not found} for an unknown
 * uid (error set, no series: an answer the grafana.query check can report, not an exception).
 *
 * @param error the query's error or Grafana's message, null when none
 */
public record FrameResult(int httpStatus, List<Series> series, String error, Duration latency) {

    public boolean ok() {
        return httpStatus == 200 && error == null;
    }

    /** True when some series has a real number (not null, i.e. not NaN/±Inf). */
    public boolean hasData() {
        return series.stream().anyMatch(Series::hasNumber);
    }
}
