package com.peaktrade.obs.checks;

import com.peaktrade.obs.check.Check;
import com.peaktrade.obs.exporter.ShadowMvsContract;
import com.peaktrade.obs.stack.Stack;
import java.util.ArrayList;
import java.util.List;

/** The checks of `shadow verify` and `grafana verify`, in report order. */
public final class VerifySuite {
    private VerifySuite() {
    }

    public static List<Check> checks(VerifyContext ctx) {
        List<Check> checks = new ArrayList<>();
        if (ctx.engine() != null) {
            checks.add(DockerChecks.daemon(ctx));
            if (ctx.checksContainers()) {
                List<String> services = ctx.stack().hasExporter()
                        ? List.of("prometheus-local", "grafana", "shadow-mvs-exporter")
                        : List.of("prometheus-local", "grafana");
                checks.add(DockerChecks.containers(ctx, services));
            }
        }
        checks.add(PrometheusChecks.ready(ctx));
        if (ctx.stack() == Stack.SHADOW) {
            checks.add(PrometheusChecks.targets(ctx, ShadowMvsContract.JOB));
            PrometheusChecks.goldenQueries().forEach(g -> checks.add(PrometheusChecks.query(ctx, g)));
            checks.add(ExporterChecks.metrics(ctx));
        }
        checks.add(GrafanaChecks.health(ctx));
        checks.add(GrafanaChecks.auth(ctx));
        checks.add(GrafanaChecks.datasources(ctx));
        checks.add(GrafanaChecks.datasourceHealth(ctx));
        checks.add(GrafanaChecks.dashboards(ctx));
        checks.add(GrafanaChecks.dashboardVars(ctx));
        if (ctx.stack() == Stack.SHADOW) {
            checks.add(GrafanaChecks.query(ctx, GrafanaContract.SHADOW,
                    "sum by (mode, stage) (rate(" + ShadowMvsContract.PIPELINE_EVENTS + "{job=\"" + ShadowMvsContract.JOB
                            + "\"}[5m]))"));
        } else {
            // the grafana stack has no exporter: any series proves Grafana → Prometheus works
            checks.add(GrafanaChecks.query(ctx, GrafanaContract.LOCAL, "up"));
        }
        return checks;
    }
}
