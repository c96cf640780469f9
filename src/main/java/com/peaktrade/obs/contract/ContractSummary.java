package com.peaktrade.obs.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a contract expects, one line per section, for {@code contract show} and {@code contract check}.
 * A section that expects nothing says whether it is absent or written empty.
 */
public final class ContractSummary {
    private ContractSummary() {
    }

    public static List<String> of(Contract contract) {
        List<String> lines = new ArrayList<>();
        lines.add(line("stacks", contract.stacks(), s -> s.name() + " (project " + s.project() + ", "
                + count(s.compose().size(), "compose file") + ")"));
        GrafanaExpectations grafana = contract.grafana();
        lines.add(line("grafana.datasources", grafana.datasources(), d -> d.uid()
                + (d.aliases().isEmpty() ? "" : " (aliases " + String.join(", ", d.aliases()) + ")")
                + (d.isDefault() ? " default" : "") + (d.optional() ? " optional" : "")));
        lines.add(line("grafana.datasource_variables", grafana.datasourceVariables(), v -> v.name() + " → "
                + String.join(", ", v.allowed())));
        lines.add(line("grafana.dashboards", grafana.dashboards(), d -> d.uid() + d.folder().map(f -> " in " + f).orElse("")));
        lines.add(line("prometheus.jobs", contract.prometheus().jobs(), j -> j.name() + (j.optional() ? " optional" : "")));
        lines.add(line("prometheus.queries", contract.prometheus().queries(), q -> q.name() + (q.optional() ? " optional" : "")));
        lines.add(line("exporters", contract.exporters(), e -> e.job() + " (" + count(e.families().size(), "family")
                + ", " + count(e.forbiddenLabels().size(), "forbidden label") + ")"));
        LintPolicy lint = contract.lint();
        lines.add("lint: " + (lint.off().isEmpty() && lint.severities().isEmpty() && lint.ignores().isEmpty()
                ? "every rule at its own severity"
                : count(lint.off().size(), "rule") + " off, " + count(lint.severities().size(), "severity") + " changed, "
                        + count(lint.ignores().size(), "finding") + " ignored"));
        return lines;
    }

    private static <T> String line(String key, Section<T> section, Function<T, String> entry) {
        if (section.isAbsent()) {
            return key + ": absent, nothing expected";
        }
        if (section.expectsNothing()) {
            return key + ": empty, nothing expected";
        }
        return key + ": " + section.entries().size() + " — " + String.join("; ", section.entries().stream().map(entry).toList());
    }

    private static String count(int n, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return n + " " + (n == 1 ? noun : plural);
    }
}
