package com.peaktrade.obs.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rules that span entries of one contract: a uid, name or query name written twice, more than
 * one default datasource, a reference to a datasource or exporter the contract does not have.
 */
final class ContractConsistency {
    private final Problems problems;

    private ContractConsistency(Problems problems) {
        this.problems = problems;
    }

    static void check(Contract contract, Problems problems) {
        new ContractConsistency(problems).check(contract);
    }

    private void check(Contract contract) {
        GrafanaExpectations grafana = contract.grafana();
        List<ExpectedDatasource> datasources = grafana.datasources().entries();
        once(datasources, d -> concat(d.uid(), d.aliases()), ExpectedDatasource::where, "datasource uid");
        once(datasources, d -> d.name().stream().toList(), ExpectedDatasource::where, "datasource name");
        List<ExpectedDatasource> defaults = datasources.stream().filter(ExpectedDatasource::isDefault).toList();
        if (defaults.size() > 1) {
            problems.add(defaults.get(1).where(), "default: true on more than one datasource ("
                    + String.join(", ", defaults.stream().map(d -> d.uid() + " at " + d.where()).toList())
                    + "); Grafana refuses to start with two defaults");
        }
        once(grafana.datasourceVariables().entries(), v -> List.of(v.name()), DatasourceVariable::where, "datasource variable");
        for (DatasourceVariable variable : grafana.datasourceVariables().entries()) {
            variable.allowed().forEach(uid -> knownDatasource(grafana, uid, variable.where(), "datasource variable " + variable.name()));
        }
        once(grafana.dashboards().entries(), d -> List.of(d.uid()), ExpectedDashboard::where, "dashboard uid");
        for (ExpectedDashboard dashboard : grafana.dashboards().entries()) {
            once(dashboard.variables(), v -> List.of(v.name()), ExpectedVariable::where, "variable of dashboard " + dashboard.uid());
        }
        grafana.query().ifPresent(q -> knownDatasource(grafana, q.datasource(), q.where(), "grafana.query"));

        once(contract.prometheus().jobs().entries(), j -> List.of(j.name()), ExpectedJob::where, "job");
        once(contract.prometheus().queries().entries(), q -> List.of(q.name()), GoldenQuery::where, "query name");

        for (ExporterContract exporter : contract.exporters().entries()) {
            once(exporter.families(), f -> List.of(f.name()), ExpectedFamily::where, "family of exporter " + exporter.job());
            for (ExpectedFamily family : exporter.families()) {
                family.labels().orElse(List.of()).stream().filter(exporter.forbiddenLabels()::contains).forEach(label ->
                        problems.add(family.where(), "family " + family.name() + " has label " + label
                                + ", which exporter " + exporter.job() + " lists under forbidden_labels"));
            }
        }
        for (StackDefinition stack : contract.stacks().entries()) {
            stack.grafanaQuery().ifPresent(q -> knownDatasource(grafana, q.datasource(), q.where(),
                    "stacks." + stack.name() + ".grafana_query"));
            Optional<String> job = stack.service(StackService.Role.EXPORTER).flatMap(StackService::job);
            if (job.isPresent() && !contract.exporters().isAbsent() && contract.exporter(job.get()).isEmpty()) {
                problems.add(stack.service(StackService.Role.EXPORTER).orElseThrow().where(), "stacks." + stack.name()
                        + ".services.exporter.job: " + job.get() + " is not under exporters");
            }
        }
    }

    /** Only when the contract lists datasources can a reference to one be judged. */
    private void knownDatasource(GrafanaExpectations grafana, String uid, Where where, String what) {
        if (!uid.isEmpty() && !grafana.datasources().isAbsent() && grafana.datasource(uid).isEmpty()) {
            problems.add(where, what + ": datasource " + uid + " is not under grafana.datasources (uids and aliases: "
                    + String.join(", ", grafana.datasources().entries().stream().flatMap(d -> concat(d.uid(), d.aliases()).stream())
                            .toList()) + ")");
        }
    }

    private <T> void once(List<T> entries, Function<T, List<String>> keys, Function<T, Where> where, String what) {
        Map<String, Where> seen = new HashMap<>();
        for (T entry : entries) {
            for (String key : keys.apply(entry)) {
                Where first = seen.putIfAbsent(key, where.apply(entry));
                if (first != null && !key.isEmpty()) {
                    problems.add(where.apply(entry), what + " '" + key + "' is written twice (first at " + first + ")");
                }
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
