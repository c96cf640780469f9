package com.peaktrade.obs.assets;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shadow-MVS metrics contract v1 (SPEC §3), as the shadow dashboard may use it. */
final class ShadowContract {
    private ShadowContract() {}

    static final String JOB = "shadow_mvs";

    /** Every series of contract v1, with its own labels (job and instance come from the scrape). */
    static final Map<String, Set<String>> SERIES = Map.of(
            "shadow_mvs_up", Set.of("mode", "exchange"),
            "peak_trade_pipeline_events_total", Set.of("mode", "stage", "exchange"),
            "peak_trade_pipeline_latency_seconds_bucket", Set.of("mode", "edge", "exchange", "le"),
            "peak_trade_pipeline_latency_seconds_sum", Set.of("mode", "edge", "exchange"),
            "peak_trade_pipeline_latency_seconds_count", Set.of("mode", "edge", "exchange"),
            "peak_trade_risk_blocks_total", Set.of("mode", "reason", "exchange"),
            "peak_trade_feed_gaps_total", Set.of("mode", "feed"),
            "peak_trade_run_state", Set.of("mode", "state"));

    /** Prometheus' own per-target series, allowed for job shadow_mvs only. */
    static final Set<String> SCRAPE_SERIES = Set.of("up", "scrape_samples_scraped", "scrape_duration_seconds",
            "scrape_series_added", "scrape_samples_post_metric_relabeling");

    static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    static final Map<String, Set<String>> VALUES = Map.of(
            "stage", Set.of("signal", "intent", "submit", "ack", "fill", "cancel", "risk_block", "error"),
            "edge", Set.of("intent_to_submit", "submit_to_ack", "ack_to_fill", "intent_to_ack", "intent_to_fill"),
            "reason", Set.of("max_drawdown", "equity_floor", "position_limit", "invalid_state", "other"));

    static final List<String> FORBIDDEN_LABELS = List.of("run_id", "intent_id", "client_order_id", "broker_order_id",
            "correlation_id");
}
