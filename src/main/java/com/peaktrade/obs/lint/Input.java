package com.peaktrade.obs.lint;

/**
 * A part of the inputs a rule reads. A rule declares the ones it needs; without one of them the
 * linter skips the rule and says which is missing, so no rule has to know when not to run.
 */
public enum Input {
    // in the order a skipped rule names the first one missing
    PROMETHEUS("Prometheus configuration files"),
    DATASOURCES("datasource provisioning files"),
    PROVIDERS("dashboard provider files"),
    DASHBOARDS("dashboards"),
    /** A Grafana directory, even one without dashboards (then every dashboard of the contract is missing). */
    GRAFANA("Grafana directory in the inputs"),
    COMPOSE_FILES("compose files in the inputs"),
    /** The stack's services, ports and mounts: the inputs' compose files, or the default stack's as context. */
    STACK("compose files to know the stack's services, ports and mounts"),
    CONTRACT_EXPORTERS("exporters in the contract"),
    CONTRACT_DATASOURCES("datasources in the contract"),
    CONTRACT_DATASOURCE_VARIABLES("datasource_variables in the contract"),
    CONTRACT_DASHBOARDS("dashboards in the contract"),
    CONTRACT_QUERIES("golden queries in the contract");

    private final String description;

    Input(String description) {
        this.description = description;
    }

    /** What the input is, as a skipped rule names it ("no dashboards"). */
    public String description() {
        return description;
    }
}
