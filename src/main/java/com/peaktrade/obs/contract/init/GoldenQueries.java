package com.peaktrade.obs.contract.init;

import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.QueryResult;
import com.peaktrade.obs.prometheus.Target;
import com.peaktrade.obs.prometheus.exposition.Exposition;
import com.peaktrade.obs.prometheus.exposition.MetricFamily;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Golden queries proposed only over series Prometheus really has: {@code up} per job that is up, a
 * rate over each counter the exporter serves, and a p95 per value of the label that tells a
 * histogram's series apart (e.g. each latency edge the exporter serves, and no other). A query that
 * has series but no finite value yet (too few scrapes for rate) is written optional, saying so.
 */
final class GoldenQueries {
    private final PrometheusClient prometheus;
    private final Draft draft;

    GoldenQueries(PrometheusClient prometheus, Draft draft) {
        this.prometheus = prometheus;
        this.draft = draft;
    }

    /** Without a Prometheus to ask: {@code up} of each job that must be up, which a working scrape always has. */
    static void forJobs(Draft draft) {
        draft.jobs.values().stream().filter(job -> job.optionalWhy() == null).forEach(job -> {
            String name = queryName("up_" + job.name());
            draft.queries.putIfAbsent(name, new Draft.Query(name, "up{job=" + quoted(job.name()) + "}", false, null));
        });
    }

    /** @param exporter the exporter's job and what its /metrics serves, when known */
    void propose(List<Target> targets, Optional<Map.Entry<String, Exposition>> exporter) {
        targets.stream().filter(Target::isUp).map(Target::scrapePool).distinct()
                .forEach(job -> add("up_" + job, "up{job=" + quoted(job) + "}", "up{job=" + quoted(job) + "}"));
        exporter.ifPresent(e -> exporterQueries(e.getKey(), e.getValue()));
    }

    private void exporterQueries(String job, Exposition exposition) {
        String selector = "job=" + quoted(job);
        for (MetricFamily family : exposition.families()) {
            if (family.type().equals("counter")) {
                String series = family.name() + "{" + selector + "}";
                add("rate_" + family.name().replaceFirst("_total$", ""), "sum(rate(" + series + "[5m]))", series);
            }
        }
        List<MetricFamily> histograms = exposition.families().stream().filter(f -> f.type().equals("histogram")).toList();
        for (MetricFamily histogram : histograms) {
            String prefix = histograms.size() == 1 ? "p95" : "p95_" + histogram.name();
            Optional<String> split = splitLabel(histogram, exposition);
            if (split.isEmpty()) {
                p95(prefix, histogram.name(), selector);
                continue;
            }
            Set<String> values = new LinkedHashSet<>();
            histogram.samples().forEach(s -> Optional.ofNullable(s.labels().get(split.get())).ifPresent(values::add));
            values.forEach(value -> p95(prefix + "_" + value, histogram.name(), selector + "," + split.get() + "=" + quoted(value)));
        }
    }

    private void p95(String name, String histogram, String selector) {
        String buckets = histogram + "_bucket{" + selector + "}";
        add(name, "histogram_quantile(0.95, sum by (le) (rate(" + buckets + "[5m])))", buckets);
    }

    /**
     * The label that tells a histogram's series apart: the one with most values; on a tie the one
     * particular to this family — a label every family has (mode, exchange) says where it runs,
     * not what it measures.
     */
    private static Optional<String> splitLabel(MetricFamily histogram, Exposition exposition) {
        List<String> labels = ExporterDraft.labelNames(histogram);
        Comparator<String> byValues = Comparator.comparingLong(label -> histogram.samples().stream()
                .map(s -> s.labels().get(label)).filter(v -> v != null).distinct().count());
        Comparator<String> byRarity = Comparator.comparingLong(label -> -exposition.families().stream()
                .filter(f -> ExporterDraft.labelNames(f).contains(label)).count());
        return labels.stream().max(byValues.thenComparing(byRarity));
    }

    /** Proposes {@code promql} when {@code series} exist; optional when it has no finite value yet. */
    private void add(String rawName, String promql, String series) {
        String name = queryName(rawName);
        if (draft.queries.containsKey(name) || prometheus.query("count(" + series + ")").value().isEmpty()) {
            return;
        }
        QueryResult now = prometheus.query(promql).value();
        boolean finite = now.allFinite();
        draft.queries.put(name, new Draft.Query(name, promql, !finite,
                finite ? null : "its series exist, but it had no finite value at init time (too few scrapes for rate?)"));
    }

    private static String queryName(String raw) {
        return raw.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
