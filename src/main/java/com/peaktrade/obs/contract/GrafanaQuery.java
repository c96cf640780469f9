package com.peaktrade.obs.contract;

/**
 * A query verify sends through one Grafana datasource: it proves Grafana → Prometheus → data.
 *
 * @param datasource a datasource uid (or one of its aliases) of the contract
 */
public record GrafanaQuery(String datasource, String promql, Where where) {
}
