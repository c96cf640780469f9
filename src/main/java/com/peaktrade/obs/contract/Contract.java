package com.peaktrade.obs.contract;

import java.util.Optional;

/**
 * What verify and lint expect of a team's stacks, read from one contract file (docs/contract.md).
 * Immutable and complete: a contract that does not load never exists in part. A section the file
 * leaves out expects nothing (see {@link Section}).
 *
 * @param text the file's text as read, for {@code contract show}
 */
public record Contract(String apiVersion, ContractOrigin origin, Section<StackDefinition> stacks,
        GrafanaExpectations grafana, PrometheusExpectations prometheus, Section<ExporterContract> exporters,
        LintPolicy lint, String text) {

    /** The only format version this build reads. */
    public static final String API_VERSION = "peaktrade-obs/v1";
    /** The name a contract has in an assets directory. */
    public static final String FILE_NAME = "peaktrade-obs.yaml";

    public Optional<StackDefinition> stack(String name) {
        return stacks.find(s -> s.name().equals(name));
    }

    public Optional<ExporterContract> exporter(String job) {
        return exporters.find(e -> e.job().equals(job));
    }
}
