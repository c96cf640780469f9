package com.peaktrade.obs.lint;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ExpectedFamily;
import com.peaktrade.obs.contract.ExporterContract;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The series the contract's exporters produce, as lint judges queries against them: which family
 * (and job) serves a sample name, which labels it has, which values a label may take, and which
 * labels are never allowed.
 */
final class ContractSeries {
    static final String LE = "le";

    /** A family as one exporter's job serves it. */
    record Served(ExporterContract exporter, ExpectedFamily family) {
        String job() {
            return exporter.job();
        }

        /** "contract v1" (the exporter's version) or "the contract of job X" when it has none. */
        String contractName() {
            return ContractSeries.contractName(exporter);
        }

        boolean isGauge() {
            return family.type().filter(t -> t == ExpectedFamily.Type.GAUGE).isPresent();
        }

        boolean isHistogram() {
            return family.type().filter(t -> t == ExpectedFamily.Type.HISTOGRAM).isPresent();
        }
    }

    private final List<Served> served = new ArrayList<>();
    /** Forbidden label → the contract that forbids it ("contract v1"), for messages. */
    private final Map<String, String> forbidden = new LinkedHashMap<>();
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    ContractSeries(Contract contract) {
        for (ExporterContract e : contract.exporters().entries()) {
            e.families().forEach(f -> served.add(new Served(e, f)));
            e.forbiddenLabels().forEach(label -> forbidden.putIfAbsent(label, contractName(e)));
            e.labelValues().forEach((label, allowed) -> values.merge(label, allowed, (a, b) -> {
                List<String> both = new ArrayList<>(a);
                b.stream().filter(v -> !both.contains(v)).forEach(both::add);
                return both;
            }));
        }
    }

    boolean isEmpty() {
        return served.isEmpty();
    }

    /** The family that exposes this sample name (x_bucket, x_sum, x_count of a histogram). */
    Optional<Served> familyOf(String sampleName) {
        if (sampleName == null) {
            return Optional.empty();
        }
        return served.stream().filter(s -> s.family().sampleNames().contains(sampleName)).findFirst();
    }

    List<String> sampleNames() {
        return served.stream().flatMap(s -> s.family().sampleNames().stream()).toList();
    }

    /** The jobs of the contract's exporters. */
    Set<String> exporterJobs() {
        Set<String> jobs = new LinkedHashSet<>();
        served.forEach(s -> jobs.add(s.job()));
        return jobs;
    }

    /** "contract v1" (the exporter's version) or "the contract of job X" when it has none. */
    static String contractName(ExporterContract exporter) {
        return exporter.version().map(v -> "contract " + v).orElse("the contract of job " + exporter.job());
    }

    boolean isForbidden(String label) {
        return forbidden.containsKey(label);
    }

    /** The contract that forbids the label, named for messages ("contract v1"). */
    Optional<String> forbiddenBy(String label) {
        return Optional.ofNullable(forbidden.get(label));
    }

    /** The values a label may take, when the contract closes its set. */
    Optional<List<String>> allowedValues(String label) {
        return Optional.ofNullable(values.get(label));
    }

    /** The labels a matcher or grouping may use on this sample; empty when the contract does not list them. */
    Optional<List<String>> allowedLabels(Served s, String sampleName) {
        return s.family().labels().map(own -> {
            List<String> allowed = new ArrayList<>(own);
            allowed.addAll(List.of("job", "instance", "__name__"));
            if (sampleName.endsWith("_bucket") && s.isHistogram()) {
                allowed.add(LE);
            }
            return allowed;
        });
    }

    /**
     * Whether a name shares a contract family's namespace: the family name's first min(3, n-1)
     * underscore-separated words (shadow_mvs_…, peak_trade_pipeline_…, peak_trade_risk_…).
     */
    boolean inNamespace(String name) {
        for (Served s : served) {
            String[] words = s.family().name().split("_");
            int n = Math.min(3, words.length - 1);
            if (n < 1) {
                continue;
            }
            String prefix = String.join("_", Arrays.copyOf(words, n)) + "_";
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
