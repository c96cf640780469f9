package com.peaktrade.obs.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the /metrics of one scrape job must offer.
 *
 * @param job             the scrape job (the key under {@code exporters})
 * @param version         the metrics contract version it serves (e.g. v1), for messages, when given
 * @param labelValues     label → the values it may take, for labels with a closed set of values
 * @param forbiddenLabels labels that must never appear (per-event ids: unbounded series)
 */
public record ExporterContract(String job, Optional<String> version, List<ExpectedFamily> families,
        Map<String, List<String>> labelValues, List<String> forbiddenLabels, Where where) {

    public ExporterContract {
        families = List.copyOf(families);
        Map<String, List<String>> values = new LinkedHashMap<>();
        labelValues.forEach((label, allowed) -> values.put(label, List.copyOf(allowed)));
        labelValues = Collections.unmodifiableMap(values);
        forbiddenLabels = List.copyOf(forbiddenLabels);
    }

    public Optional<ExpectedFamily> family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
