package com.peaktrade.obs.contract.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ExpectedDashboard;
import com.peaktrade.obs.contract.ExpectedDatasource;
import com.peaktrade.obs.contract.ExpectedFamily;
import com.peaktrade.obs.contract.ExpectedJob;
import com.peaktrade.obs.contract.ExporterContract;
import com.peaktrade.obs.contract.GoldenQuery;
import com.peaktrade.obs.exporter.ExporterSettings;
import com.peaktrade.obs.exporter.ShadowMvsExporter;
import com.peaktrade.obs.grafana.GrafanaClient;
import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.exposition.ExpositionScraper;
import com.peaktrade.obs.standin.server.StandIn;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code contract init --from-running} against a Grafana stand-in (in-process) with the user's
 * original dashboards, a Prometheus that scrapes the exporter, and either the team's mock exporter
 * (only the intent_to_ack edge) or our own exporter.
 */
class ContractInitFromRunningTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Path ORIGINAL = Path.of("src/test/resources/contract-init/original-assets").toAbsolutePath();

    @TempDir
    Path out;

    @Test
    void theTeamsMockGetsOnlyTheP95OfTheEdgeItServesAndDownTargetsAndUnhealthyDatasourcesAreOptional() throws Exception {
        String metrics = Files.readString(Path.of("src/test/resources/contract-init/team-mock-metrics.txt"));
        FixtureServer mock = FixtureServer.start().on("/metrics", FixtureServer.text(200, "text/plain; version=0.0.4", metrics));
        URI exporter = mock.uri().resolve("/metrics");
        List<ScrapingPrometheus.FakeTarget> targets = List.of(
                new ScrapingPrometheus.FakeTarget("shadow_mvs", "http://host.docker.internal:" + exporter.getPort() + "/metrics", true, ""),
                new ScrapingPrometheus.FakeTarget("peak_trade_web", "http://host.docker.internal:8000/metrics", false,
                        "Get \\\"http://host.docker.internal:8000/metrics\\\": dial tcp 172.17.0.1:8000: connect: connection refused"),
                new ScrapingPrometheus.FakeTarget("ai_live", "http://host.docker.internal:9110/metrics", false, "connection refused"));
        try (ScrapingPrometheus prometheus = ScrapingPrometheus.start(targets, "shadow_mvs", exporter);
                StandIn.Running grafana = grafana(prometheus.uri())) {
            String text = draft(prometheus.uri(), Optional.of(URI.create("http://127.0.0.1:" + grafana.port())), exporter);
            Contract contract = load(text);

            assertThat(contract.prometheus().jobs().entries()).extracting(ExpectedJob::name, ExpectedJob::optional)
                    .containsExactly(tuple("shadow_mvs", false), tuple("peak_trade_web", true), tuple("ai_live", true));
            assertThat(text).contains("# down at init time (1 target, e.g. http://host.docker.internal:8000/metrics: Get ");
            assertThat(contract.prometheus().queries().entries()).extracting(GoldenQuery::name).containsExactly(
                    "up_shadow_mvs", "rate_peak_trade_pipeline_events", "rate_peak_trade_risk_blocks", "p95_intent_to_ack");
            assertThat(contract.prometheus().queries().find(q -> q.name().equals("p95_intent_to_ack")).orElseThrow().promql())
                    .isEqualTo("histogram_quantile(0.95, sum by (le) (rate(peak_trade_pipeline_latency_seconds_bucket"
                            + "{job=\"shadow_mvs\",edge=\"intent_to_ack\"}[5m])))");

            ExporterContract served = contract.exporter("shadow_mvs").orElseThrow();
            assertThat(served.families()).extracting(ExpectedFamily::name, f -> f.type().orElseThrow().exposition())
                    .containsExactly(tuple("shadow_mvs_up", "gauge"), tuple("peak_trade_pipeline_events_total", "counter"),
                            tuple("peak_trade_pipeline_latency_seconds", "histogram"), tuple("peak_trade_risk_blocks_total", "counter"));
            assertThat(served.labelValues()).containsEntry("edge", List.of("intent_to_ack")).containsEntry("stage", List.of("intent", "ack"));

            assertThat(contract.grafana().datasources().entries()).extracting(ExpectedDatasource::uid, ExpectedDatasource::optional)
                    .containsExactlyInAnyOrder(tuple("peaktrade-prometheus-local", false), tuple("peaktrade-prometheus-shadow", false),
                            tuple("peaktrade-prometheus-main", true));
            assertThat(text).contains("# health failed at init time: ");
            ExpectedDashboard shadow = contract.grafana().dashboards().find(d -> d.uid().equals("peaktrade-shadow-pipeline-mvs"))
                    .orElseThrow();
            assertThat(shadow.folder()).contains("shadow");
            assertThat(shadow.variables()).extracting(v -> v.name() + ":" + v.kind().orElse("") + ":" + v.query().orElse(""))
                    .containsExactly("DS_SHADOW:datasource:", "DS_LOCAL:datasource:", "DS_MAIN:datasource:",
                            "mode:custom:shadow,live", "exchange:custom:kraken,sim");
            assertThat(contract.grafana().datasourceVariables().entries()).extracting(v -> v.name() + "=" + v.allowed())
                    .containsExactlyInAnyOrder("DS_LOCAL=[peaktrade-prometheus-local]", "DS_SHADOW=[peaktrade-prometheus-shadow]",
                            "DS_MAIN=[peaktrade-prometheus-main]");
        } finally {
            mock.close();
        }
    }

    @Test
    void ourOwnExporterIsDraftedWithTheFamiliesOfTheEmbeddedContractAndAP95PerEdge() throws Exception {
        try (ShadowMvsExporter exporter = ShadowMvsExporter.start(new ExporterSettings("127.0.0.1", 0, "shadow", "sim"));
                ScrapingPrometheus prometheus = ScrapingPrometheus.start(List.of(new ScrapingPrometheus.FakeTarget("shadow_mvs",
                        "http://shadow-mvs-exporter:" + exporter.port() + "/metrics", true, "")), "shadow_mvs", exporter.metricsUri())) {
            Contract contract = load(draft(prometheus.uri(), Optional.empty(), exporter.metricsUri()));
            Contract seed = ContractInitFromAssetsTest.LOADER.load(Path.of(Contract.FILE_NAME));

            // label order is the exporter's (client_java sorts them); the contract compares names, not order
            assertThat(contract.exporter("shadow_mvs").orElseThrow().families()).extracting(ExpectedFamily::name, ExpectedFamily::type,
                    f -> Set.copyOf(f.labels().orElseThrow())).containsExactlyInAnyOrderElementsOf(seed.exporter("shadow_mvs").orElseThrow()
                            .families().stream().map(f -> tuple(f.name(), f.type(), Set.copyOf(f.labels().orElseThrow()))).toList());
            assertThat(contract.prometheus().queries().entries()).extracting(GoldenQuery::name).contains("p95_intent_to_submit",
                    "p95_submit_to_ack", "p95_ack_to_fill", "p95_intent_to_ack", "p95_intent_to_fill");
        }
    }

    @Test
    void assetsAndARunningProjectTogetherGiveOneContractWhoseStackIsThatProject() throws Exception {
        try (ShadowMvsExporter exporter = ShadowMvsExporter.start(new ExporterSettings("127.0.0.1", 0, "shadow", "sim"));
                ScrapingPrometheus prometheus = ScrapingPrometheus.start(List.of(
                        new ScrapingPrometheus.FakeTarget("shadow_mvs", "http://shadow-mvs-exporter:9109/metrics", true, ""),
                        new ScrapingPrometheus.FakeTarget("peak_trade_web", "http://host.docker.internal:8000/metrics", false, "refused")),
                        "shadow_mvs", exporter.metricsUri())) {
            RunningStack running = new RunningStack(Optional.of(new PrometheusClient(prometheus.uri(), TIMEOUT)), Optional.empty(),
                    Optional.of(exporter.metricsUri()), new ExpositionScraper(TIMEOUT), Optional.of("team-obs"));
            String text = ContractInit.draft(new ContractInit.Request(Optional.of(Path.of("")), Optional.of(running), out));
            Contract contract = load(text);

            assertThat(contract.stacks().entries()).singleElement().satisfies(stack -> {
                assertThat(stack.project()).isEqualTo("team-obs");
                assertThat(stack.service(com.peaktrade.obs.contract.StackService.Role.EXPORTER).orElseThrow().job()).contains("shadow_mvs");
            });
            assertThat(contract.exporter("shadow_mvs")).isPresent();
            assertThat(contract.grafana().datasources().entries()).hasSize(3);
            assertThat(contract.prometheus().jobs().entries()).extracting(ExpectedJob::name, ExpectedJob::optional)
                    .containsExactly(tuple("peak_trade_web", true), tuple("shadow_mvs", false));
            assertThat(text).contains("# down at init time (1 target, e.g. http://host.docker.internal:8000/metrics: refused)");
        }
    }

    @Test
    void anExporterNoJobScrapesIsWrittenUnderAKeyToRename() throws Exception {
        try (ShadowMvsExporter exporter = ShadowMvsExporter.start(new ExporterSettings("127.0.0.1", 0, "shadow", "sim"))) {
            String text = ContractInit.draft(new ContractInit.Request(Optional.empty(), Optional.of(new RunningStack(Optional.empty(),
                    Optional.empty(), Optional.of(exporter.metricsUri()), new ExpositionScraper(TIMEOUT), Optional.empty())), out));

            assertThat(load(text).exporter("exporter")).isPresent();
            assertThat(text).contains("rename this key to the scrape job that does");
        }
    }

    private String draft(URI prometheus, Optional<URI> grafana, URI exporter) {
        RunningStack running = new RunningStack(Optional.of(new PrometheusClient(prometheus, TIMEOUT)),
                grafana.map(g -> new GrafanaClient(g, "admin", "admin", TIMEOUT)), Optional.of(exporter), new ExpositionScraper(TIMEOUT),
                Optional.empty());
        return ContractInit.draft(new ContractInit.Request(Optional.empty(), Optional.of(running), out));
    }

    private Contract load(String text) throws IOException {
        Path file = out.resolve(Contract.FILE_NAME);
        Files.writeString(file, text);
        return ContractInitFromAssetsTest.LOADER.load(file);
    }

    /** The stand-in provisioned like the user's Grafana: their dashboards, main Prometheus unreachable. */
    private StandIn.Running grafana(URI prometheus) throws Exception {
        Path provisioning = out.resolve("provisioning");
        Files.createDirectories(provisioning.resolve("datasources"));
        Files.createDirectories(provisioning.resolve("dashboards"));
        Files.writeString(provisioning.resolve("datasources/datasources.yaml"), String.join("\n",
                "apiVersion: 1", "datasources:",
                "  - {name: prometheus-local, uid: peaktrade-prometheus-local, type: prometheus, url: '" + prometheus + "', isDefault: true}",
                "  - {name: prometheus-shadow, uid: peaktrade-prometheus-shadow, type: prometheus, url: '" + prometheus + "'}",
                "  - {name: prometheus-main, uid: peaktrade-prometheus-main, type: prometheus, url: 'http://127.0.0.1:" + closedPort() + "'}",
                ""));
        Files.writeString(provisioning.resolve("dashboards/providers.yaml"), String.join("\n",
                "apiVersion: 1", "providers:",
                "  - {name: user, type: file, options: {path: '" + ORIGINAL.resolve("grafana/dashboards") + "', foldersFromFilesStructure: true}}",
                ""));
        Map<String, String> env = new HashMap<>();
        env.put("GF_PATHS_PROVISIONING", provisioning.toString());
        env.put("GF_PATHS_DATA", Files.createDirectories(out.resolve("data")).toString());
        env.put("GF_SERVER_HTTP_ADDR", "127.0.0.1");
        env.put("GF_SERVER_HTTP_PORT", "0");
        env.put("STANDIN_COLD_START_MS", "0");
        return StandIn.start(env);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
