package com.peaktrade.obs.app;

import com.peaktrade.obs.http.FixtureServer;

/**
 * The Peak_Trade web app's /metrics in each state of SPEC §3, played by a local fixture server on
 * 127.0.0.1 (no traffic leaves the loopback interface).
 */
public enum AppFixture {
    ENABLED(200, """
            # HELP python_info Python platform information
            # TYPE python_info gauge
            python_info{implementation="CPython",major="3",minor="11",patchlevel="9",version="3.11.9"} 1.0
            # HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
            # TYPE process_cpu_seconds_total counter
            process_cpu_seconds_total 1.25
            # HELP peak_trade_http_requests_total HTTP requests
            # TYPE peak_trade_http_requests_total counter
            peak_trade_http_requests_total{method="GET",path="/",status="200"} 42.0
            # HELP peak_trade_http_request_duration_seconds HTTP latency
            # TYPE peak_trade_http_request_duration_seconds histogram
            peak_trade_http_request_duration_seconds_bucket{le="0.1"} 40.0
            peak_trade_http_request_duration_seconds_bucket{le="+Inf"} 42.0
            peak_trade_http_request_duration_seconds_sum 1.5
            peak_trade_http_request_duration_seconds_count 42.0
            """),
    FLAG_OFF(200, """
            # HELP python_gc_objects_collected_total Objects collected during gc
            # TYPE python_gc_objects_collected_total counter
            python_gc_objects_collected_total{generation="0"} 301.0
            # HELP python_info Python platform information
            # TYPE python_info gauge
            python_info{implementation="CPython",major="3",minor="11",patchlevel="9",version="3.11.9"} 1.0
            # HELP process_resident_memory_bytes Resident memory size in bytes.
            # TYPE process_resident_memory_bytes gauge
            process_resident_memory_bytes 3.1e+07
            """),
    FALLBACK(200, "peak_trade_metrics_fallback 1\n"),
    STRICT(503, "prometheus_client required but unavailable\n");

    private final int status;
    private final String body;

    AppFixture(int status, String body) {
        this.status = status;
        this.body = body;
    }

    /** A server answering /metrics in this state. */
    public FixtureServer start() {
        return FixtureServer.start().on("/metrics", FixtureServer.text(status, "text/plain; version=0.0.4; charset=utf-8", body));
    }

    /** A Prometheus /api/v1/targets answer with one peak_trade_web target. */
    public static String targetsJson(String health, String scrapeUrl, String lastError) {
        String instance = scrapeUrl.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        return """
                {"status":"success","data":{"activeTargets":[{"discoveredLabels":{},"labels":{"instance":"%s","job":"peak_trade_web"},
                "scrapePool":"peak_trade_web","scrapeUrl":"%s","globalUrl":"%s","lastError":"%s",
                "lastScrape":"2024-05-01T10:00:00.000Z","lastScrapeDuration":0.002,"health":"%s","scrapeInterval":"2s","scrapeTimeout":"2s"}],
                "droppedTargets":[]}}
                """.formatted(instance, scrapeUrl, scrapeUrl, lastError, health);
    }
}
