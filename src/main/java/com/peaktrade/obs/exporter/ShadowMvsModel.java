package com.peaktrade.obs.exporter;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The mock's fixed behaviour: a per-second rate for every counter series and a latency
 * distribution for every edge. Every value is a pure function of uptime, so rates are constant,
 * nothing runs in the background, and two exporters at the same uptime expose the same numbers.
 *
 * <p>The rates follow a plausible shadow pipeline: signal &gt; intent &gt; submit &gt; ack &gt;
 * fill, a few cancels, and small but non-zero risk blocks and errors so the error-ratio and risk
 * panels show data. The risk-block reasons add up to the {@code risk_block} stage rate.
 */
public final class ShadowMvsModel {
    /** Events per second by stage ({@link ShadowMvsContract#STAGES}). */
    public static final Map<String, Double> STAGE_RATES = ordered(ShadowMvsContract.STAGES,
            2.0, 1.2, 1.0, 0.95, 0.8, 0.12, 0.15, 0.02);
    /** Risk blocks per second by reason ({@link ShadowMvsContract#REASONS}); sums to the risk_block stage. */
    public static final Map<String, Double> RISK_BLOCK_RATES = ordered(ShadowMvsContract.REASONS,
            0.01, 0.005, 0.08, 0.02, 0.035);
    /** Feed gaps per second by feed ({@link ShadowMvsContract#FEEDS}). */
    public static final Map<String, Double> FEED_GAP_RATES = ordered(ShadowMvsContract.FEEDS,
            0.002, 0.005, 0.01);

    /** Finite upper bounds of the latency histogram in seconds; {@code +Inf} follows. */
    private static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** Latency profile of every edge ({@link ShadowMvsContract#EDGES}). */
    public static final Map<String, LatencyProfile> LATENCY;

    static {
        Map<String, LatencyProfile> latency = new LinkedHashMap<>();
        // share of observations at or below each bound of BOUNDS; +Inf is always 1
        latency.put("intent_to_submit", new LatencyProfile(1.0,
                0.30, 0.62, 0.88, 0.96, 0.99, 0.998, 1, 1, 1, 1, 1));
        latency.put("submit_to_ack", new LatencyProfile(0.95,
                0, 0.01, 0.08, 0.30, 0.62, 0.90, 0.97, 0.992, 0.999, 1, 1));
        latency.put("ack_to_fill", new LatencyProfile(0.8,
                0, 0, 0.01, 0.03, 0.08, 0.20, 0.38, 0.60, 0.85, 0.95, 0.99));
        latency.put("intent_to_ack", new LatencyProfile(0.95,
                0, 0, 0.04, 0.20, 0.55, 0.87, 0.96, 0.99, 0.998, 1, 1));
        latency.put("intent_to_fill", new LatencyProfile(0.8,
                0, 0, 0.005, 0.02, 0.06, 0.17, 0.34, 0.57, 0.83, 0.94, 0.985));
        if (!latency.keySet().equals(new LinkedHashSet<>(ShadowMvsContract.EDGES))) {
            throw new IllegalStateException("latency profiles do not cover the contract's edges");
        }
        LATENCY = Collections.unmodifiableMap(latency);
    }

    private ShadowMvsModel() {
    }

    /** A counter growing at {@code ratePerSecond}, after {@code uptimeMillis}: rounded to 0.001. */
    public static double total(double ratePerSecond, long uptimeMillis) {
        return Math.round(ratePerSecond * uptimeMillis) / 1000.0;
    }

    /** Upper bounds of the latency buckets in seconds, ending with {@code +Inf}. */
    public static double[] upperBounds() {
        double[] bounds = Arrays.copyOf(BOUNDS, BOUNDS.length + 1);
        bounds[BOUNDS.length] = Double.POSITIVE_INFINITY;
        return bounds;
    }

    /**
     * One edge's latency distribution: observations per second, and the cumulative share of them
     * at or below each finite bound (non-decreasing, at most 1).
     */
    public record LatencyProfile(double ratePerSecond, double... cumulativeShare) {
        public LatencyProfile {
            if (cumulativeShare.length != BOUNDS.length) {
                throw new IllegalArgumentException("need one share per finite bound: " + BOUNDS.length);
            }
            cumulativeShare = cumulativeShare.clone();
            for (int i = 0; i < cumulativeShare.length; i++) {
                double previous = i == 0 ? 0 : cumulativeShare[i - 1];
                if (cumulativeShare[i] < previous || cumulativeShare[i] > 1) {
                    throw new IllegalArgumentException("shares must be non-decreasing within [0, 1]");
                }
            }
        }

        /**
         * Observations per bucket (not cumulative; the last is {@code +Inf}) after
         * {@code uptimeMillis}. Cumulative counts are floor(share × observations), so they never
         * decrease with uptime or along the buckets, and the {@code +Inf} total is the count.
         */
        public long[] bucketCounts(long uptimeMillis) {
            double observations = ratePerSecond * uptimeMillis / 1000.0;
            long[] counts = new long[BOUNDS.length + 1];
            long below = 0;
            for (int i = 0; i <= BOUNDS.length; i++) {
                double share = i < BOUNDS.length ? cumulativeShare[i] : 1.0;
                long cumulative = (long) Math.floor(share * observations);
                counts[i] = cumulative - below;
                below = cumulative;
            }
            return counts;
        }

        /**
         * Sum of the observations after {@code uptimeMillis}: each at the middle of its bucket, the
         * {@code +Inf} bucket's at twice the largest finite bound, over the exact (unrounded) share
         * of observations per bucket. So the sum grows linearly with uptime, as the counter it is;
         * summing the rounded bucket counts instead would drop whenever an observation moves to a
         * lower bucket, which rate() reads as a counter reset. Rounded to 1 µs.
         */
        public double sum(long uptimeMillis) {
            double observations = ratePerSecond * uptimeMillis / 1000.0;
            double mean = 0;
            double below = 0;
            for (int i = 0; i <= BOUNDS.length; i++) {
                double share = i < BOUNDS.length ? cumulativeShare[i] : 1.0;
                double lower = i == 0 ? 0 : BOUNDS[i - 1];
                double middle = i < BOUNDS.length ? (lower + BOUNDS[i]) / 2 : 2 * BOUNDS[BOUNDS.length - 1];
                mean += (share - below) * middle;
                below = share;
            }
            return Math.round(observations * mean * 1e6) / 1e6;
        }

        @Override
        public double[] cumulativeShare() {
            return cumulativeShare.clone();
        }
    }

    private static Map<String, Double> ordered(List<String> keys, double... rates) {
        if (keys.size() != rates.length) {
            throw new IllegalArgumentException("one rate per label value: " + keys);
        }
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < rates.length; i++) {
            map.put(keys.get(i), rates[i]);
        }
        return Collections.unmodifiableMap(map);
    }
}
