package com.peaktrade.obs.checks;

import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.DockerEngine;
import com.peaktrade.obs.grafana.GrafanaClient;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.exposition.ExpositionScraper;
import com.peaktrade.obs.stack.Stack;
import com.peaktrade.obs.stack.VerifyTargets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Everything the checks of one verify run talk to. The engine is a supplier because connecting is
 * itself what docker.daemon checks; it is null when verify gates URLs only (no Docker needed).
 */
public record VerifyContext(Stack stack, VerifyTargets targets, PrometheusClient prometheus, GrafanaClient grafana,
        ExpositionScraper scraper, Supplier<DockerEngine> engine) {

    /** Per-request HTTP timeout: short, because checks poll and a hung peer must not eat the budget. */
    public static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    public static VerifyContext of(Stack stack, VerifyTargets targets, Supplier<DockerEngine> engine) {
        return new VerifyContext(stack, targets,
                new PrometheusClient(targets.prometheus(), HTTP_TIMEOUT),
                new GrafanaClient(targets.grafana(), targets.grafanaUser(), targets.grafanaPassword(), HTTP_TIMEOUT),
                new ExpositionScraper(HTTP_TIMEOUT), engine);
    }

    public boolean checksContainers() {
        return engine != null && targets.project() != null;
    }

    ComposeEngine compose() {
        return new ComposeEngine(engine.get());
    }
}
