package com.peaktrade.obs.exporter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Shadow-MVS metrics contract v1 (SPEC §3), defined once: the families with their type, labels
 * and HELP text, the allowed values of every enumerated label, and the labels that must never
 * appear. The exporter builds its metrics from this; {@code lint} and the {@code exporter.metrics}
 * check read it to judge dashboards and a scraped {@code /metrics}.
 *
 * <p>{@code mode} and {@code exchange} are free label values (the exporter takes them as flags);
 * {@link #KNOWN_MODES} and {@link #KNOWN_EXCHANGES} only list the values the user's dashboard offers.
 */
public final class ShadowMvsContract {
    /** Contract version, shown by the exporter and checks. */
    public static final String VERSION = "v1";
    /** The Prometheus job that scrapes the exporter. */
    public static final String JOB = "shadow_mvs";
    /** The exporter's default port, host and container side. */
    public static final int DEFAULT_PORT = 9109;
    public static final String METRICS_PATH = "/metrics";

    // label names
    public static final String MODE = "mode";
    public static final String EXCHANGE = "exchange";
    public static final String STAGE = "stage";
    public static final String EDGE = "edge";
    public static final String REASON = "reason";
    public static final String FEED = "feed";
    public static final String STATE = "state";
    /** The label of histogram buckets (not declared by a family; appears on {@code _bucket} samples). */
    public static final String LE = "le";

    // family names as they appear in the text format 0.0.4 (counters with their _total)
    public static final String UP = "shadow_mvs_up";
    public static final String PIPELINE_EVENTS = "peak_trade_pipeline_events_total";
    public static final String PIPELINE_LATENCY = "peak_trade_pipeline_latency_seconds";
    public static final String RISK_BLOCKS = "peak_trade_risk_blocks_total";
    public static final String FEED_GAPS = "peak_trade_feed_gaps_total";
    public static final String RUN_STATE = "peak_trade_run_state";

    public static final String DEFAULT_MODE = "shadow";
    public static final String DEFAULT_EXCHANGE = "sim";
    public static final List<String> KNOWN_MODES = List.of("shadow", "live");
    public static final List<String> KNOWN_EXCHANGES = List.of("sim", "kraken");

    public static final List<String> STAGES =
            List.of("signal", "intent", "submit", "ack", "fill", "cancel", "risk_block", "error");
    public static final List<String> EDGES =
            List.of("intent_to_submit", "submit_to_ack", "ack_to_fill", "intent_to_ack", "intent_to_fill");
    public static final List<String> REASONS =
            List.of("max_drawdown", "equity_floor", "position_limit", "invalid_state", "other");
    public static final List<String> FEEDS = List.of("ohlcv", "trades", "orderbook");
    public static final List<String> STATES = List.of("warmup", "running", "paused", "halted");
    /** The {@link #STATES} value the mock reports as current (gauge 1, all others 0). */
    public static final String CURRENT_STATE = "running";

    /** Allowed values of each enumerated label; mode and exchange are free. */
    public static final Map<String, List<String>> ALLOWED_VALUES;

    static {
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        allowed.put(STAGE, STAGES);
        allowed.put(EDGE, EDGES);
        allowed.put(REASON, REASONS);
        allowed.put(FEED, FEEDS);
        allowed.put(STATE, STATES);
        ALLOWED_VALUES = Collections.unmodifiableMap(allowed);
    }

    /** Per-order / per-run identifiers: unbounded cardinality, so never a label. */
    public static final List<String> FORBIDDEN_LABELS =
            List.of("run_id", "intent_id", "client_order_id", "broker_order_id", "correlation_id");

    /** Longest mode/exchange value the exporter accepts. */
    public static final int MAX_LABEL_VALUE_LENGTH = 64;

    /** Metric types the contract uses, spelled as in {@code # TYPE} lines. */
    public enum Type {
        COUNTER, GAUGE, HISTOGRAM;

        public String exposition() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One metric family. {@code name} is the name in the text format 0.0.4 ({@code # TYPE name …});
     * {@code labels} are its own labels in order (no {@code le}).
     */
    public record Family(String name, Type type, List<String> labels, String help) {
        public Family {
            labels = List.copyOf(labels);
        }

        /** The name without a counter's {@code _total}: the OpenMetrics family name. */
        public String baseName() {
            return type == Type.COUNTER && name.endsWith("_total")
                    ? name.substring(0, name.length() - "_total".length()) : name;
        }

        /** Names of the samples this family exposes in the text format 0.0.4. */
        public List<String> sampleNames() {
            return type == Type.HISTOGRAM
                    ? List.of(name + "_bucket", name + "_sum", name + "_count")
                    : List.of(name);
        }
    }

    public static final Family UP_FAMILY = new Family(UP, Type.GAUGE, List.of(MODE, EXCHANGE),
            "1 while the Shadow-MVS mock exporter serves metrics contract v1.");
    public static final Family PIPELINE_EVENTS_FAMILY = new Family(PIPELINE_EVENTS, Type.COUNTER,
            List.of(MODE, STAGE, EXCHANGE),
            "Shadow pipeline events by stage (signal, intent, submit, ack, fill, cancel, risk_block, error).");
    public static final Family PIPELINE_LATENCY_FAMILY = new Family(PIPELINE_LATENCY, Type.HISTOGRAM,
            List.of(MODE, EDGE, EXCHANGE),
            "Latency between two pipeline stages (edge), in seconds.");
    public static final Family RISK_BLOCKS_FAMILY = new Family(RISK_BLOCKS, Type.COUNTER,
            List.of(MODE, REASON, EXCHANGE),
            "Orders blocked by the risk layer, by reason.");
    public static final Family FEED_GAPS_FAMILY = new Family(FEED_GAPS, Type.COUNTER, List.of(MODE, FEED),
            "Market-data feed gaps detected, by feed.");
    public static final Family RUN_STATE_FAMILY = new Family(RUN_STATE, Type.GAUGE, List.of(MODE, STATE),
            "Current run state: 1 for the active state, 0 for the others.");

    /** Every family of contract v1, in exposition order. */
    public static final List<Family> FAMILIES = List.of(UP_FAMILY, PIPELINE_EVENTS_FAMILY,
            PIPELINE_LATENCY_FAMILY, RISK_BLOCKS_FAMILY, FEED_GAPS_FAMILY, RUN_STATE_FAMILY);

    private ShadowMvsContract() {
    }

    /** The family with this text-format name (or OpenMetrics base name), if it is in the contract. */
    public static Optional<Family> family(String name) {
        return FAMILIES.stream().filter(f -> f.name().equals(name) || f.baseName().equals(name)).findFirst();
    }

    /**
     * Why {@code value} cannot be a free label value (mode, exchange) of the exporter, or empty when
     * it can: non-empty, at most {@link #MAX_LABEL_VALUE_LENGTH} characters, no control characters,
     * no leading or trailing whitespace.
     */
    public static Optional<String> labelValueProblem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (value.length() > MAX_LABEL_VALUE_LENGTH) {
            return Optional.of("is longer than " + MAX_LABEL_VALUE_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("contains a control character");
        }
        if (!value.strip().equals(value)) {
            return Optional.of("has leading or trailing whitespace");
        }
        return Optional.empty();
    }
}
