package com.peaktrade.obs.prometheus.exposition;

import java.util.List;

/**
 * A metric family: its {@code # TYPE} and {@code # HELP} and its samples (a histogram's
 * {@code _bucket}, {@code _sum}, {@code _count} included).
 *
 * @param type counter, gauge, histogram, summary, untyped (also the OpenMetrics types); "untyped"
 *             for samples without a {@code # TYPE}
 * @param help the help text unescaped, or null without {@code # HELP}
 */
public record MetricFamily(String name, String type, String help, List<MetricSample> samples) {
}
