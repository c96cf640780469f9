package com.peaktrade.obs.contract;

/** What Prometheus must show: scrape jobs that are up, golden queries that return data. */
public record PrometheusExpectations(Section<ExpectedJob> jobs, Section<GoldenQuery> queries) {
    static PrometheusExpectations none() {
        return new PrometheusExpectations(Section.absent(), Section.absent());
    }
}
