package com.peaktrade.obs.checks;

import com.peaktrade.obs.contract.ExpectedDatasource;
import com.peaktrade.obs.grafana.Datasource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A contracted datasource and what Grafana has for it: under its uid, under an alias (a uid
 * migration), or both. The one under the contract's uid comes first.
 */
record DatasourceMatch(ExpectedDatasource expected, List<Datasource> found) {

    static List<DatasourceMatch> of(List<ExpectedDatasource> expected, List<Datasource> all) {
        return expected.stream().map(e -> new DatasourceMatch(e, all.stream().filter(d -> e.matches(d.uid()))
                .sorted(Comparator.comparing((Datasource d) -> !d.uid().equals(e.uid()))
                        .thenComparing(d -> e.aliases().indexOf(d.uid())))
                .toList())).toList();
    }

    boolean missing() {
        return found.isEmpty();
    }

    /** The one Grafana has under the contract's uid, else under the first alias it has. */
    Optional<Datasource> primary() {
        return found.stream().findFirst();
    }

    /** How a found datasource is named in output: its uid, and for an alias whose alias it is. */
    String describe(Datasource d) {
        return d.uid().equals(expected.uid()) ? d.uid() : d.uid() + " (alias of " + expected.uid() + ")";
    }

    /** The uid to ask Grafana about: the one it has, else the contract's. */
    String liveUid() {
        return primary().map(Datasource::uid).orElse(expected.uid());
    }

    /** A short name for messages: its name without a "prometheus-" prefix (local, shadow, main), else its uid. */
    String label() {
        String name = expected.name().orElse(expected.uid());
        return name.startsWith("prometheus-") ? name.substring("prometheus-".length()) : name;
    }

    /** "a", "a and b", "a, b and c". */
    static String inWords(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
