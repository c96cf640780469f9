package com.peaktrade.obs.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.peaktrade.obs.grafana.FrameResult;
import com.peaktrade.obs.grafana.GrafanaClient;
import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every panel of our shadow dashboard shows data: each target's query, with the dashboard's
 * variables substituted as Grafana would (All = .*), returns numbers through Grafana's
 * prometheus-shadow datasource against the real exporter in the shadow stack.
 */
@ExtendWith(EngineExtension.class)
class ShadowDashboardDataIT {
    @TempDir
    Path tmp;

    @Test
    void everyPanelQueryOfTheShadowDashboardReturnsDataThroughGrafana(TestEngine engine) throws Exception {
        String project = engine.project() + "-panels";
        Map<String, String> env = new java.util.HashMap<>(engine.stackEnv(tmp));
        // an explicit password (there is no admin/admin default), handed to the client below
        String password = "panels-" + java.util.UUID.randomUUID();
        env.put("GRAFANA_ADMIN_PASSWORD", password);
        int grafanaPort = Integer.parseInt(env.get("PEAKTRADE_OBS_GRAFANA_PORT"));
        CliProcess.Result up = CliProcess.run(env, tmp, "shadow", "up", "-p", project);
        assertThat(up.exitCode()).as(up.toString()).isZero();
        try {
            JsonNode dashboard = new ObjectMapper().readTree(
                    Path.of("grafana/dashboards/shadow/peaktrade-shadow-pipeline-mvs.json").toFile());
            List<String[]> queries = new ArrayList<>();
            collect(dashboard.path("panels"), queries);
            assertThat(queries).hasSizeGreaterThan(10);

            GrafanaClient grafana = new GrafanaClient(URI.create("http://127.0.0.1:" + grafanaPort), "admin", password,
                    Duration.ofSeconds(5));
            for (String[] q : queries) {
                String expr = substitute(q[1]);
                FrameResult result = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline) {
                    try {
                        result = grafana.query("peaktrade-prometheus-shadow", expr);
                        if (result.hasData()) {
                            break;
                        }
                    } catch (RuntimeException grafanaStillStarting) {
                        result = null;
                    }
                    TimeUnit.MILLISECONDS.sleep(500);
                }
                assertThat(result).as("panel '%s': %s", q[0], expr).isNotNull();
                assertThat(result.hasData()).as("panel '%s' shows no data: %s (error %s)", q[0], expr, result.error()).isTrue();
            }
        } finally {
            CliProcess.run(env, tmp, "shadow", "down", "-p", project);
        }
    }

    private static void collect(JsonNode panels, List<String[]> into) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr") && !target.path("expr").asText().isBlank()) {
                    into.add(new String[] {panel.path("title").asText(), target.path("expr").asText()});
                }
            }
            collect(panel.path("panels"), into);
        }
    }

    /** As Grafana renders the query with the variables at "All" and a 2 s scrape interval. */
    static String substitute(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("${__rate_interval}", "1m")
                .replace("$__interval", "10s").replace("$__range", "5m")
                .replace("${mode}", ".*").replace("${exchange}", ".*").replace("$mode", ".*").replace("$exchange", ".*");
    }
}
