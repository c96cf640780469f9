package com.peaktrade.obs.contract.init;

import com.peaktrade.obs.prometheus.exposition.Exposition;
import com.peaktrade.obs.prometheus.exposition.MetricFamily;
import com.peaktrade.obs.prometheus.exposition.MetricSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An exporter's contract as its /metrics serves it: every family with its type and label names,
 * and for each label with a small set of values the values it really serves.
 */
final class ExporterDraft {
    /** A label with more values than this is free text (ids, paths): no value list is written for it. */
    static final int MAX_VALUES = 20;
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    /** Labels the exposition adds to a histogram's or summary's samples, not the family's own. */
    private static final Set<String> SAMPLE_LABELS = Set.of("le", "quantile");

    private ExporterDraft() {
    }

    static Draft.Exporter of(String job, Exposition exposition, String why) {
        List<Draft.Family> families = new ArrayList<>();
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (MetricFamily family : exposition.families()) {
            List<String> labels = labelNames(family);
            families.add(new Draft.Family(family.name(), TYPES.contains(family.type()) ? family.type() : "untyped", labels));
            for (MetricSample sample : family.samples()) {
                sample.labels().forEach((label, value) -> {
                    if (!SAMPLE_LABELS.contains(label)) {
                        values.computeIfAbsent(label, l -> new LinkedHashSet<>()).add(value);
                    }
                });
            }
        }
        Map<String, List<String>> closed = new LinkedHashMap<>();
        values.forEach((label, served) -> {
            if (served.size() <= MAX_VALUES) {
                closed.put(label, List.copyOf(served));
            }
        });
        return new Draft.Exporter(job, families, closed, why);
    }

    /** The family's own label names, in the order its samples first show them. */
    static List<String> labelNames(MetricFamily family) {
        Set<String> names = new LinkedHashSet<>();
        family.samples().forEach(s -> s.labels().keySet().stream().filter(l -> !SAMPLE_LABELS.contains(l)).forEach(names::add));
        return List.copyOf(names);
    }
}
