package com.peaktrade.obs.contract.init;

import com.peaktrade.obs.grafana.GrafanaClient;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.exposition.ExpositionScraper;
import java.net.URI;
import java.util.Optional;

/**
 * The running services {@code contract init --from-running} asks, each optional: what is not given
 * is not drafted.
 *
 * @param exporter the exporter's /metrics URL
 * @param project  the compose project asked (-p NAME), which becomes the project of the stack the assets give
 */
public record RunningStack(Optional<PrometheusClient> prometheus, Optional<GrafanaClient> grafana, Optional<URI> exporter,
        ExpositionScraper scraper, Optional<String> project) {
}
