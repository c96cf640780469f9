package com.peaktrade.obs.prometheus.exposition;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed exposition (text format 0.0.4, OpenMetrics tolerated).
 *
 * @param families in order of first appearance
 * @param problems lines that could not be accepted; empty for a clean exposition
 * @param eof      an OpenMetrics {@code # EOF} line was seen
 */
public record Exposition(List<MetricFamily> families, List<ParseProblem> problems, boolean eof) {

    /** Parses exposition text; never throws for bad input (see {@link #problems()}). */
    public static Exposition parse(String text) {
        return ExpositionParser.parse(text);
    }

    public Optional<MetricFamily> family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public boolean hasFamily(String name) {
        return family(name).isPresent();
    }

    /** All samples in the order written. */
    public List<MetricSample> samples() {
        return families.stream().flatMap(f -> f.samples().stream())
                .sorted(java.util.Comparator.comparingInt(MetricSample::line)).collect(Collectors.toList());
    }

    /** The samples with exactly this sample name (e.g. {@code foo_bucket}). */
    public List<MetricSample> samples(String sampleName) {
        return samples().stream().filter(s -> s.name().equals(sampleName)).collect(Collectors.toList());
    }

    public boolean isClean() {
        return problems.isEmpty();
    }
}
