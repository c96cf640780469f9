package com.peaktrade.obs.contract.init;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.ComposeV2;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.RepositoryAssets;
import com.peaktrade.obs.testing.TestEngine;
import com.peaktrade.obs.testing.VerifyRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The user's original seed-era assets (their provisioning, dashboards and scrape config, unmodified)
 * run with docker compose v2 as on their machine, with a mock exporter that, like theirs, serves
 * only the intent_to_ack latency edge (src/test/resources/contract-init/original-stack). The
 * embedded contract FAILs exactly where their stack is not the seed's; the contract that
 * {@code contract init --from-running} drafts from it PASSes.
 */
@Tag(EngineExtension.PROMETHEUS_TAG)
@ExtendWith(EngineExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamOriginalStackIT {
    private static final String ORIGINAL_ASSETS = "src/test/resources/contract-init/original-assets";

    private Path tmp;
    private Path team;
    private Map<String, String> composeEnv;
    private String[] urls;
    private TestEngine engine;

    @BeforeAll
    void theirStackRuns(TestEngine engine, @TempDir Path dir) throws IOException {
        ComposeV2.requireInstalled();
        this.engine = engine;
        this.tmp = dir;
        team = dir.resolve("team");
        RepositoryAssets.copyTree(Path.of(ORIGINAL_ASSETS), team);
        Files.copy(Path.of("src/test/resources/contract-init/original-stack/compose.yaml"), team.resolve("compose.yaml"));
        RepositoryAssets.readableByContainers(dir);
        int prometheus = engine.freePort();
        int grafana = engine.freePort();
        int exporter = engine.freePort();
        composeEnv = new HashMap<>(Map.of("PROMETHEUS_IMAGE", TestEngine.prometheusImage(), "GRAFANA_IMAGE", TestEngine.grafanaImage(),
                "JRE_IMAGE", TestEngine.jreImage(), "JAR", CliProcess.jar().toString(),
                "TEST_CLASSES", Path.of("target/test-classes").toAbsolutePath().toString(),
                "PROMETHEUS_PORT", Integer.toString(prometheus), "GRAFANA_PORT", Integer.toString(grafana),
                "EXPORTER_PORT", Integer.toString(exporter)));
        // the test's own project name: EngineExtension removes whatever carries its label afterwards
        CliProcess.Result up = ComposeV2.run(composeEnv, team, "-p", engine.project(), "up", "-d");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        urls = new String[] {"--prometheus-url", "http://127.0.0.1:" + prometheus, "--grafana-url", "http://127.0.0.1:" + grafana,
            "--exporter-url", "http://127.0.0.1:" + exporter + "/metrics"};
        engine.awaitJson("http://127.0.0.1:" + prometheus + "/api/v1/targets", Duration.ofSeconds(90),
                doc -> doc.path("data").path("activeTargets").findValuesAsText("health").contains("up"));
        sleep(Duration.ofSeconds(12)); // their scrape interval is 5 s: rate() needs two samples
        engine.awaitHttp("http://127.0.0.1:" + grafana + "/api/health", 200, Duration.ofSeconds(90));
    }

    @AfterAll
    void down() {
        if (composeEnv != null) {
            ComposeV2.run(composeEnv, team, "-p", engine.project(), "down", "-v", "--timeout", "2");
        }
    }

    private CliProcess.Result cli(List<String> args) {
        // no checkout and no peaktrade-obs.yaml in tmp: the embedded contract unless --contract says otherwise
        // credentials from the environment, as the team's own verify scripts take them (their compose file sets admin/admin;
        // the tool has no default)
        return CliProcess.run(Map.of("XDG_STATE_HOME", tmp.resolve("state").toString(),
                "XDG_CONFIG_HOME", tmp.resolve("config").toString(), "GRAFANA_AUTH", "admin:admin"), tmp, args.toArray(String[]::new));
    }

    /** `shadow verify` with their URLs (no project: their stack is not ours). */
    private VerifyRun verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("shadow", "verify"));
        args.addAll(List.of(urls));
        args.addAll(List.of(extra));
        VerifyRun run = VerifyRun.parse(cli(args));
        assertThat(run.statusById()).as(run.toString()).isNotEmpty();
        return run;
    }

    @Test
    @Order(1)
    void theEmbeddedContractFailsExactlyWhereTheirStackIsNotTheSeeds() {
        VerifyRun run = verify();
        assertThat(run.notPassing()).as(run.toString()).isEqualTo(Map.of(
                "prometheus.query.p95_submit_to_ack", "FAIL",
                "grafana.dashboard.vars", "FAIL"));
        assertThat(run.statusById()).as(run.toString()).containsEntry("prometheus.query.p95_intent_to_ack", "PASS")
                .containsEntry("exporter.metrics", "PASS").containsEntry("grafana.datasources", "PASS")
                .containsEntry("grafana.dashboards", "PASS").containsEntry("prometheus.targets", "PASS");
        assertThat(run.messageById().get("grafana.dashboard.vars")).as(run.toString()).contains("mode", "exchange");
        assertThat(run.process().exitCode()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theContractDraftedFromTheRunningStackPasses() throws IOException {
        Path contract = tmp.resolve("peaktrade-obs.yaml");
        List<String> init = new ArrayList<>(List.of("contract", "init", "--from-running"));
        init.addAll(List.of(urls));
        init.addAll(List.of("-o", contract.toString()));
        CliProcess.Result drafted = cli(init);
        assertThat(drafted.exitCode()).as(drafted.toString()).isZero();
        String text = Files.readString(contract);
        assertThat(text).as(text).contains("{name: mode, kind: custom, query: \"shadow,live\"}")
                .contains("name: p95_intent_to_ack").doesNotContain("p95_submit_to_ack");

        VerifyRun run = verify("--contract", contract.toString());
        assertThat(run.passed()).as(run.toString()).isTrue();
        assertThat(run.statusById()).as(run.toString()).containsEntry("grafana.dashboard.vars", "PASS")
                .containsEntry("prometheus.query.p95_intent_to_ack", "PASS").containsEntry("exporter.metrics", "PASS")
                .containsEntry("prometheus.targets.shadow_mvs", "PASS");
        // the jobs of their scrape config whose exporters were not running are drafted optional: WARN
        assertThat(run.notPassing()).as(run.toString()).isEqualTo(Map.of(
                "prometheus.targets.peak_trade_web", "WARN", "prometheus.targets.ai_live", "WARN"));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
