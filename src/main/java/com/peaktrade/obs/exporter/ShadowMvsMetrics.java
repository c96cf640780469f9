package com.peaktrade.obs.exporter;

import com.peaktrade.obs.exporter.ShadowMvsContract.Family;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Contract v1's families for one mode and exchange, as client_java metrics whose values are
 * computed from uptime at scrape time: callback counters and gauges, and the latency histogram's
 * own collector. Same uptime, same numbers.
 */
public final class ShadowMvsMetrics {
    private ShadowMvsMetrics() {
    }

    /** A registry holding every family of the contract, valued from {@code uptimeMillis} at each scrape. */
    public static PrometheusRegistry newRegistry(String mode, String exchange, LongSupplier uptimeMillis) {
        PrometheusRegistry registry = new PrometheusRegistry();
        Family up = ShadowMvsContract.UP_FAMILY;
        gauge(up).callback(cb -> cb.call(1, labelValues(up, mode, exchange, null))).register(registry);
        rateCounter(registry, ShadowMvsContract.PIPELINE_EVENTS_FAMILY, ShadowMvsModel.STAGE_RATES,
                mode, exchange, uptimeMillis);
        registry.register(new LatencyHistogramCollector(mode, exchange, uptimeMillis));
        rateCounter(registry, ShadowMvsContract.RISK_BLOCKS_FAMILY, ShadowMvsModel.RISK_BLOCK_RATES,
                mode, exchange, uptimeMillis);
        rateCounter(registry, ShadowMvsContract.FEED_GAPS_FAMILY, ShadowMvsModel.FEED_GAP_RATES,
                mode, exchange, uptimeMillis);
        Family runState = ShadowMvsContract.RUN_STATE_FAMILY;
        gauge(runState).callback(cb -> ShadowMvsContract.STATES.forEach(state -> cb.call(
                state.equals(ShadowMvsContract.CURRENT_STATE) ? 1 : 0, labelValues(runState, mode, exchange, state))))
                .register(registry);
        return registry;
    }

    /** A counter with one series per entry of {@code rates} (its own label value → events per second). */
    private static void rateCounter(PrometheusRegistry registry, Family family, Map<String, Double> rates,
            String mode, String exchange, LongSupplier uptimeMillis) {
        CounterWithCallback.builder().name(family.name()).help(family.help())
                .labelNames(family.labels().toArray(String[]::new))
                .callback(cb -> {
                    long uptime = uptimeMillis.getAsLong();
                    rates.forEach((value, rate) -> cb.call(ShadowMvsModel.total(rate, uptime),
                            labelValues(family, mode, exchange, value)));
                })
                .register(registry);
    }

    private static GaugeWithCallback.Builder gauge(Family family) {
        return GaugeWithCallback.builder().name(family.name()).help(family.help())
                .labelNames(family.labels().toArray(String[]::new));
    }

    /** The family's label values in its label order: mode, exchange, and its own label's value. */
    static String[] labelValues(Family family, String mode, String exchange, String own) {
        return family.labels().stream().map(label -> switch (label) {
            case ShadowMvsContract.MODE -> mode;
            case ShadowMvsContract.EXCHANGE -> exchange;
            default -> own;
        }).toArray(String[]::new);
    }
}
