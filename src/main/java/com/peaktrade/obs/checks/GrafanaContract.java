package com.peaktrade.obs.checks;

import java.util.List;
import java.util.Map;

/** What SPEC §3 promises Grafana shows: the datasources and the dashboards with their folders. */
final class GrafanaContract {
    record ExpectedDatasource(String uid, String name, boolean isDefault, boolean optional) {
    }

    static final String LOCAL = "peaktrade-prometheus-local";
    static final String SHADOW = "peaktrade-prometheus-shadow";
    static final String MAIN = "peaktrade-prometheus-main";

    static final List<ExpectedDatasource> DATASOURCES = List.of(
            new ExpectedDatasource(LOCAL, "prometheus-local", true, false),
            new ExpectedDatasource(SHADOW, "prometheus-shadow", false, false),
            new ExpectedDatasource(MAIN, "prometheus-main", false, true));

    /** Dashboard uid → folder title (folders from the file structure). */
    static final Map<String, String> DASHBOARDS = Map.of(
            "peaktrade-execution-watch-overview", "execution",
            "peaktrade-overview", "overview",
            "peaktrade-shadow-pipeline-mvs", "shadow",
            "peaktrade-labeled-local", "http");

    static final String SHADOW_DASHBOARD = "peaktrade-shadow-pipeline-mvs";
    static final String SHADOW_TITLE = "Peak_Trade — Shadow Pipeline (MVS, Contract v1)";
    static final List<String> DS_VARIABLES = List.of("DS_LOCAL", "DS_SHADOW", "DS_MAIN");
    /** The shadow dashboard's query variables and the series they take their values from. */
    static final Map<String, String> SHADOW_VARIABLES = Map.of(
            "mode", "label_values(peak_trade_pipeline_events_total, mode)",
            "exchange", "label_values(peak_trade_pipeline_events_total, exchange)");

    private GrafanaContract() {
    }
}
