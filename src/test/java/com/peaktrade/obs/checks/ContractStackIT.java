package com.peaktrade.obs.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.RepositoryAssets;
import com.peaktrade.obs.testing.TestEngine;
import com.peaktrade.obs.testing.VerifyRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's own stacks, defined only by their contract in an assets directory (--assets-dir): a
 * Grafana with four Prometheus datasources (two optional and unreachable) during a uid migration,
 * and a Prometheus with a third scrape job served by a second exporter container, whose
 * {@code /metrics} verify checks as its own exporter job.
 */
@Tag(EngineExtension.PROMETHEUS_TAG)
@ExtendWith(EngineExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractStackIT {
    private static final String CONTRACT = """
            apiVersion: peaktrade-obs/v1
            stacks:
              dashboards:
                description: "Grafana with four Prometheus datasources."
                project: team-dashboards
                compose: [compose/prometheus-local.yaml, compose/grafana.yaml]
                services:
                  prometheus: {service: prometheus-local, port: 9090, host_port: 9092, host_port_env: PEAKTRADE_OBS_PROMETHEUS_PORT}
                  grafana: {service: grafana, port: 3000, host_port: 3000, host_port_env: PEAKTRADE_OBS_GRAFANA_PORT}
                expects: [grafana]
              live:
                description: "Prometheus scraping the shadow exporter and a live one."
                project: team-live
                compose: [compose/prometheus-local.yaml, compose/shadow-exporter.yaml, compose/live-exporter.yaml]
                services:
                  prometheus: {service: prometheus-local, port: 9090, host_port: 9092, host_port_env: PEAKTRADE_OBS_PROMETHEUS_PORT}
                  exporter: {service: shadow-mvs-exporter, port: 9109, host_port: 9109, host_port_env: PEAKTRADE_OBS_EXPORTER_PORT,
                             path: /metrics, job: shadow_mvs}
                expects: [prometheus, exporters]
            grafana:
              datasources:
                - uid: prom_local_9092
                  aliases: [peaktrade-prometheus-local]
                  default: true
                - uid: prom_shadow_9093
                - uid: prom_ai_live_9094
                  optional: true
                - uid: prom_observability_9095
                  optional: true
              query: {datasource: prom_local_9092, promql: up}
            prometheus:
              jobs:
                - name: shadow_mvs
                - name: live_mvs
              queries:
                - name: live_up
                  promql: up{job="live_mvs"}
            exporters:
              shadow_mvs:
                families: [shadow_mvs_up, peak_trade_pipeline_events_total]
              live_mvs:
                families: [shadow_mvs_up, {name: peak_trade_pipeline_latency_seconds, type: histogram}]
                forbidden_labels: [run_id]
            """;

    private Path tmp;
    private Path assets;
    private TestEngine engine;
    private Map<String, String> env;
    private final List<String[]> started = new ArrayList<>();

    @BeforeAll
    void teamAssets(TestEngine engine, @TempDir Path dir) throws IOException {
        this.engine = engine;
        this.tmp = dir;
        this.env = engine.stackEnv(dir);
        env.put("TEAM_LIVE_EXPORTER_PORT", Integer.toString(engine.freePort()));
        assets = dir.resolve("team");
        RepositoryAssets.copyTo(assets);
        Files.writeString(assets.resolve("peaktrade-obs.yaml"), CONTRACT);
        Files.writeString(assets.resolve("compose/live-exporter.yaml"), Files.readString(Path.of("compose/shadow-exporter.yaml"))
                .replace("shadow-mvs-exporter:", "live-mvs-exporter:")
                .replace("${PEAKTRADE_OBS_EXPORTER_MODE:-shadow}", "live")
                // published on a port of its own: verify reaches it there, where Prometheus scrapes live-mvs-exporter:9109
                .replace("${PEAKTRADE_OBS_EXPORTER_PORT:-9109}:9109", "${TEAM_LIVE_EXPORTER_PORT:?}:9109")
                .replace("../prometheus/prometheus-shadow.yml", "../prometheus/prometheus-team.yml"));
        Files.writeString(assets.resolve("prometheus/prometheus-team.yml"), Files.readString(Path.of("prometheus/prometheus-shadow.yml"))
                .replace("scrape_configs:\n", "scrape_configs:\n  - job_name: live_mvs\n    static_configs:\n"
                        + "      - targets: [\"live-mvs-exporter:9109\"]\n"));
        try (Stream<Path> walk = Files.walk(assets)) {
            walk.forEach(p -> p.toFile().setReadable(true, false));
        }
    }

    @AfterAll
    void downAll() {
        for (String[] stackAndProject : started) {
            cli(stackAndProject[0], "down", "-p", stackAndProject[1], "--assets-dir", assets.toString());
        }
    }

    private CliProcess.Result cli(String... args) {
        return CliProcess.run(env, tmp, args);
    }

    /** Brings the stack up as project PREFIX-suffix; again with the same suffix recreates it (the same host ports). */
    private String up(String stack, String suffix) {
        String project = engine.project() + "-" + suffix;
        if (started.stream().noneMatch(s -> s[1].equals(project))) {
            started.add(new String[] {stack, project});
        }
        CliProcess.Result up = cli(stack, "up", "-p", project, "--assets-dir", assets.toString());
        assertThat(up.exitCode()).as(up.toString()).isZero();
        return project;
    }

    private VerifyRun verify(String stack, String project, String... extra) {
        List<String> args = new ArrayList<>(List.of(stack, "verify", "-p", project, "--assets-dir", assets.toString()));
        args.addAll(List.of(extra));
        return VerifyRun.parse(cli(args.toArray(String[]::new)));
    }

    /** Four datasources: local under {@code localUids} (one entry each), shadow, and two on unreachable host ports. */
    private void provision(String... localUids) throws IOException {
        StringBuilder yaml = new StringBuilder("apiVersion: 1\ndatasources:\n");
        boolean first = true;
        for (String uid : localUids) {
            yaml.append(datasource("local-" + uid, uid, "http://prometheus-local:9090", first));
            first = false;
        }
        yaml.append(datasource("prom-shadow", "prom_shadow_9093", "http://prometheus-local:9090", false));
        yaml.append(datasource("prom-ai-live", "prom_ai_live_9094", "http://host.docker.internal:1", false));
        yaml.append(datasource("prom-observability", "prom_observability_9095", "http://host.docker.internal:2", false));
        Path file = assets.resolve("grafana/provisioning/datasources/datasources.yaml");
        Files.writeString(file, yaml.toString());
        file.toFile().setReadable(true, false);
    }

    private static String datasource(String name, String uid, String url, boolean isDefault) {
        return "  - {name: " + name + ", uid: " + uid + ", type: prometheus, access: proxy, orgId: 1, url: \"" + url
                + "\", isDefault: " + isDefault + ", editable: false}\n";
    }

    private VerifyRun dashboardsStackWith(String... localUids) throws IOException {
        provision(localUids);
        // one project, recreated per variant: the provisioning is read when Grafana starts
        return verify("dashboards", up("dashboards", "dashboards"), "--budget", "grafana.datasource.health=8s");
    }

    @Test
    @Order(1)
    void theNewUidPassesAndTheUnreachableOptionalDatasourcesWarn() throws IOException {
        VerifyRun run = dashboardsStackWith("prom_local_9092");
        assertThat(run.passed()).as(run.toString()).isTrue();
        assertThat(run.status("grafana.datasources")).isEqualTo("PASS");
        assertThat(run.status("grafana.datasource.health")).as(run.toString()).isEqualTo("WARN");
        assertThat(run.messageById().get("grafana.datasource.health"))
                .contains("prom_ai_live_9094", "prom_observability_9095");
        assertThat(run.status("grafana.query")).isEqualTo("PASS");
        assertThat(run.process().out()).contains("INFO|contract|grafana.dashboards: absent in ");
    }

    @Test
    @Order(2)
    void theOldUidPassesAsAnAlias() throws IOException {
        VerifyRun run = dashboardsStackWith("peaktrade-prometheus-local");
        assertThat(run.passed()).as(run.toString()).isTrue();
        assertThat(run.messageById().get("grafana.datasources")).contains("peaktrade-prometheus-local (alias of prom_local_9092)");
        assertThat(run.messageById().get("grafana.query")).contains("through peaktrade-prometheus-local");
    }

    @Test
    @Order(3)
    void bothUidsPass() throws IOException {
        VerifyRun run = dashboardsStackWith("peaktrade-prometheus-local", "prom_local_9092");
        assertThat(run.passed()).as(run.toString()).isTrue();
        assertThat(run.messageById().get("grafana.datasources")).contains("peaktrade-prometheus-local (alias of prom_local_9092)");
    }

    @Test
    @Order(4)
    void neitherUidFailsNamingTheContractLine() throws IOException {
        VerifyRun run = dashboardsStackWith("prom_local");
        assertThat(run.status("grafana.datasources")).as(run.toString()).isEqualTo("FAIL");
        assertThat(run.messageById().get("grafana.datasources")).contains("missing prom_local_9092");
        assertThat(run.process().out()).contains("EVIDENCE|grafana.datasources|contract " + assets.resolve("peaktrade-obs.yaml")
                + ":22: missing prom_local_9092");
    }

    @Test
    @Order(5)
    void aThirdJobServedByASecondExporterPassesAndFailsWhenItStops() {
        CliProcess.Result down = cli("dashboards", "down", "-p", engine.project() + "-dashboards", "--assets-dir", assets.toString());
        assertThat(down.exitCode()).as(down.toString()).isZero(); // its host ports are the live stack's too
        String project = up("live", "live");
        VerifyRun run = verify("live", project);
        assertThat(run.passed()).as(run.toString()).isTrue();
        assertThat(run.status("prometheus.targets.live_mvs")).isEqualTo("PASS");
        assertThat(run.status("prometheus.query.live_up")).isEqualTo("PASS");
        // one exporter.metrics per exporter job: the stack's own directly, the other through its published port
        assertThat(run.status("exporter.metrics.shadow_mvs")).as(run.toString()).isEqualTo("PASS");
        assertThat(run.status("exporter.metrics.live_mvs")).as(run.toString()).isEqualTo("PASS");
        assertThat(run.messageById().get("exporter.metrics.live_mvs")).contains("(at http://127.0.0.1:"
                + env.get("TEAM_LIVE_EXPORTER_PORT") + "/metrics, scraped by Prometheus at http://live-mvs-exporter:9109/metrics)");

        engine.docker().stopContainerCmd(project + "-live-mvs-exporter-1").withTimeout(2).exec();
        // Prometheus' view turns down only at its first failed scrape after the stop
        engine.awaitTargetsDown(project + "-prometheus-local-1", "live_mvs");
        VerifyRun stopped = verify("live", project);
        assertThat(stopped.status("prometheus.targets.live_mvs")).as(stopped.toString()).isEqualTo("FAIL");
        assertThat(stopped.messageById().get("prometheus.targets.live_mvs")).contains("job live_mvs");
        assertThat(stopped.status("prometheus.targets.shadow_mvs")).isEqualTo("PASS");
        assertThat(stopped.status("exporter.metrics.live_mvs")).as(stopped.toString()).isEqualTo("SKIP");
        assertThat(stopped.status("exporter.metrics.shadow_mvs")).isEqualTo("PASS");
    }
}
