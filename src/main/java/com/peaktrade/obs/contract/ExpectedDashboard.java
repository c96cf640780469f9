package com.peaktrade.obs.contract;

import java.util.List;
import java.util.Optional;

/**
 * A dashboard Grafana must have provisioned.
 *
 * @param folder    the folder title Grafana shows it in, when given
 * @param title     its title, when given
 * @param variables template variables it must declare
 */
public record ExpectedDashboard(String uid, Optional<String> folder, Optional<String> title,
        List<ExpectedVariable> variables, Where where) {

    public ExpectedDashboard {
        variables = List.copyOf(variables);
    }
}
