package com.peaktrade.obs.contract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A metric family an exporter must serve.
 *
 * @param name   as in the text format 0.0.4 ({@code # TYPE name …}): counters with their _total
 * @param type   its type, when given; a histogram or summary then also needs its _sum and _count
 * @param labels its own label names (no {@code le}), when given
 */
public record ExpectedFamily(String name, Optional<Type> type, Optional<List<String>> labels, Where where) {

    public ExpectedFamily {
        labels = labels.map(List::copyOf);
    }

    /** Metric types, spelled as in {@code # TYPE} lines. */
    public enum Type {
        COUNTER, GAUGE, HISTOGRAM, SUMMARY, UNTYPED;

        public String exposition() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Names of the samples that prove the family is served. */
    public List<String> sampleNames() {
        return switch (type.orElse(Type.UNTYPED)) {
            case HISTOGRAM -> List.of(name + "_bucket", name + "_sum", name + "_count");
            case SUMMARY -> List.of(name, name + "_sum", name + "_count");
            default -> List.of(name);
        };
    }
}
