package com.peaktrade.obs.exporter;

import com.peaktrade.obs.exporter.ShadowMvsContract.Family;
import com.peaktrade.obs.exporter.ShadowMvsModel.LatencyProfile;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * {@code peak_trade_pipeline_latency_seconds}: client_java has no histogram callback, so this
 * collector builds the classic histogram of every edge from uptime at scrape time
 * ({@link LatencyProfile#bucketCounts}), with no background observations.
 */
final class LatencyHistogramCollector implements Collector {
    private static final Family FAMILY = ShadowMvsContract.PIPELINE_LATENCY_FAMILY;
    private static final MetricMetadata METADATA = new MetricMetadata(FAMILY.name(), FAMILY.help(), Unit.SECONDS);
    private static final String[] LABEL_NAMES = FAMILY.labels().toArray(String[]::new);

    private final String mode;
    private final String exchange;
    private final LongSupplier uptimeMillis;

    LatencyHistogramCollector(String mode, String exchange, LongSupplier uptimeMillis) {
        this.mode = mode;
        this.exchange = exchange;
        this.uptimeMillis = uptimeMillis;
    }

    @Override
    public HistogramSnapshot collect() {
        long uptime = uptimeMillis.getAsLong();
        double[] bounds = ShadowMvsModel.upperBounds();
        HistogramSnapshot.Builder snapshot = HistogramSnapshot.builder()
                .name(METADATA.getName()).help(METADATA.getHelp()).unit(METADATA.getUnit());
        for (Map.Entry<String, LatencyProfile> edge : ShadowMvsModel.LATENCY.entrySet()) {
            long[] counts = edge.getValue().bucketCounts(uptime);
            snapshot.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                    .sum(edge.getValue().sum(uptime))
                    .labels(Labels.of(LABEL_NAMES, ShadowMvsMetrics.labelValues(FAMILY, mode, exchange, edge.getKey())))
                    .build());
        }
        return snapshot.build();
    }

    @Override
    public String getPrometheusName() {
        return FAMILY.name();
    }

    @Override
    public MetricType getMetricType() {
        return MetricType.HISTOGRAM;
    }

    @Override
    public Set<String> getLabelNames() {
        return Set.copyOf(FAMILY.labels());
    }

    @Override
    public MetricMetadata getMetadata() {
        return METADATA;
    }
}
