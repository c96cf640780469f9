package com.peaktrade.obs.lint;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.DatasourceVariable;
import com.peaktrade.obs.contract.ExpectedDashboard;
import com.peaktrade.obs.contract.GoldenQuery;
import java.util.Set;

/**
 * Rules that read the contract against the assets: its dashboards are there, its golden queries ask
 * for series something produces, its datasource variables allow provisioned datasources. Findings
 * point at the contract's entry (file:line).
 */
final class ContractLint {
    private final Findings out;
    private final Contract contract;

    ContractLint(Findings out, Contract contract) {
        this.out = out;
        this.contract = contract;
    }

    /** Each dashboard of the contract among the linted ones (by uid). */
    void dashboards(Set<String> linted) {
        for (ExpectedDashboard d : contract.grafana().dashboards().entries()) {
            if (!linted.contains(d.uid())) {
                out.add(Rules.CONTRACT_DASHBOARD_MISSING, d.where(), d.uid(), "the contract expects dashboard " + d.uid()
                        + d.folder().map(f -> " in folder " + f).orElse("") + ", but no linted dashboard has that uid ("
                        + linted.size() + " dashboards)");
            }
        }
        out.checked(Rules.CONTRACT_DASHBOARD_MISSING, linted.size() + " dashboards");
    }

    void goldenQueries(QueryLint queries) {
        for (GoldenQuery q : contract.prometheus().queries().entries()) {
            queries.goldenQuery(q);
        }
    }

    /**
     * Each uid a datasource variable allows is provisioned: itself, or an alias of its contract
     * datasource (a migration in either direction).
     */
    void datasourceVariables(Set<String> provisioned) {
        if (provisioned.isEmpty()) {
            return;
        }
        for (DatasourceVariable v : contract.grafana().datasourceVariables().entries()) {
            for (String uid : v.allowed()) {
                boolean there = provisioned.contains(uid) || contract.grafana().datasource(uid)
                        .filter(ds -> provisioned.contains(ds.uid()) || ds.aliases().stream().anyMatch(provisioned::contains))
                        .isPresent();
                if (!there) {
                    out.add(Rules.DATASOURCE_VARIABLE_MISMATCH, v.where(), uid, "datasource variable " + v.name()
                            + " allows " + uid + ", which no provisioning file defines (provisioned uids and names: "
                            + String.join(", ", provisioned) + ")");
                }
            }
        }
    }
}
