package com.peaktrade.obs.contract;

import java.util.Optional;

/**
 * What Grafana must show.
 *
 * @param datasourceVariables the variables through which dashboards pick their datasource
 * @param query               the query verify sends through Grafana, unless a stack gives its own
 */
public record GrafanaExpectations(Section<ExpectedDatasource> datasources, Section<DatasourceVariable> datasourceVariables,
        Section<ExpectedDashboard> dashboards, Optional<GrafanaQuery> query) {

    static GrafanaExpectations none() {
        return new GrafanaExpectations(Section.absent(), Section.absent(), Section.absent(), Optional.empty());
    }

    /** The datasource whose uid or alias is {@code uid}. */
    public Optional<ExpectedDatasource> datasource(String uid) {
        return datasources.find(d -> d.matches(uid));
    }
}
