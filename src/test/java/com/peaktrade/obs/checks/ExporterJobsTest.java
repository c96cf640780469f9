package com.peaktrade.obs.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.check.Check;
import com.peaktrade.obs.check.CheckContext;
import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.check.Status;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractLoader;
import com.peaktrade.obs.contract.StackChoice;
import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.lint.Rule;
import com.peaktrade.obs.lint.Rules;
import com.peaktrade.obs.stack.RunningProject;
import com.peaktrade.obs.stack.VerifyTargets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** exporter.metrics per exporter job of the contract: the stack's own exporter directly, the others where Prometheus scrapes them. */
class ExporterJobsTest {
    private static final ContractLoader LOADER = new ContractLoader(Rules.all().stream().map(Rule::id).toList());
    private static final Contract EMBEDDED = LOADER.loadEmbedded("test");

    private static final String TWO_EXPORTERS = """
            apiVersion: peaktrade-obs/v1
            prometheus:
              jobs: [shadow_mvs, ai_live]
            exporters:
              shadow_mvs:
                families: [shadow_mvs_up]
              ai_live:
                families: [ai_live_up, ai_live_signals_total]
                forbidden_labels: [signal_id]
            """;

    private static final String AI_LIVE_METRICS = """
            # TYPE ai_live_up gauge
            ai_live_up 1
            # TYPE ai_live_signals_total counter
            ai_live_signals_total{model="m1",side="buy"} 3
            """;

    private static Contract load(Path dir, String text) throws Exception {
        Path file = dir.resolve("team.yaml");
        Files.writeString(file, text);
        return LOADER.load(file);
    }

    private static String targets(String job, String scrapeUrl) {
        return """
                {"status":"success","data":{"activeTargets":[
                  {"labels":{"job":"%s"},"scrapePool":"%s","scrapeUrl":"%s","health":"up","lastError":"",
                   "lastScrape":"2026-01-01T00:00:00Z","lastScrapeDuration":0.01,"scrapeInterval":"5s","scrapeTimeout":"2s",
                   "discoveredLabels":{}}],"droppedTargets":[]}}
                """.formatted(job, job, scrapeUrl);
    }

    private static VerifyContext urlMode(Contract contract, URI prometheus, URI exporter) {
        var stack = StackChoice.of(contract, "shadow", () -> EMBEDDED.stack("shadow"), true);
        return VerifyContext.of(stack, contract, new VerifyTargets(prometheus, null, exporter, com.peaktrade.obs.stack.CredentialSources.resolve(com.peaktrade.obs.stack.AccessOptions.NONE, java.util.Map.of("GRAFANA_AUTH", "admin:admin"), com.peaktrade.obs.stack.CredentialSources.ProjectSecrets.NONE), null, "test"),
                null);
    }

    private static Outcome run(VerifySuite.Plan plan, String id) throws Exception {
        Check check = plan.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        return check.run(CheckContext.start(id, Duration.ofSeconds(2), true));
    }

    @Test
    void eachExporterJobIsACheckAndAnotherJobsExporterIsScrapedWherePrometheusScrapesIt(@TempDir Path dir) throws Exception {
        try (FixtureServer aiLive = FixtureServer.start().on("/metrics", FixtureServer.text(200, "text/plain", AI_LIVE_METRICS));
                FixtureServer prometheus = FixtureServer.start()
                        .on("/api/v1/targets", FixtureServer.json(200, targets("ai_live", "http://localhost:" + aiLive.port() + "/metrics")))) {
            VerifySuite.Plan plan = VerifySuite.plan(urlMode(load(dir, TWO_EXPORTERS), prometheus.uri(),
                    URI.create("http://127.0.0.1:1/metrics")));
            assertThat(plan.checks()).extracting(Check::id).contains("exporter.metrics.shadow_mvs", "exporter.metrics.ai_live")
                    .doesNotContain("exporter.metrics");
            assertThat(plan.checks()).filteredOn(c -> c.id().equals("exporter.metrics.ai_live")).singleElement()
                    .satisfies(c -> assertThat(c.requires()).containsExactly("prometheus.targets.ai_live"));
            Outcome outcome = run(plan, "exporter.metrics.ai_live");
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(Status.PASS);
            assertThat(outcome.message()).contains("all 2 families present", "(at http://127.0.0.1:" + aiLive.port()
                    + "/metrics, scraped by Prometheus at http://localhost:" + aiLive.port() + "/metrics)");
            assertThat(outcome.evidence()).anyMatch(e -> e.startsWith("GET http://127.0.0.1:" + aiLive.port() + "/metrics"));
        }
    }

    @Test
    void anotherJobsExporterMissingAFamilyFailsNamingIt(@TempDir Path dir) throws Exception {
        try (FixtureServer aiLive = FixtureServer.start().on("/metrics", FixtureServer.text(200, "text/plain", "ai_live_up 1\n"));
                FixtureServer prometheus = FixtureServer.start()
                        .on("/api/v1/targets", FixtureServer.json(200, targets("ai_live", "http://127.0.0.1:" + aiLive.port() + "/metrics")))) {
            Outcome outcome = run(VerifySuite.plan(urlMode(load(dir, TWO_EXPORTERS), prometheus.uri(), null)), "exporter.metrics.ai_live");
            assertThat(outcome.status()).isEqualTo(Status.FAIL);
            assertThat(outcome.message()).contains("families missing: ai_live_signals_total");
        }
    }

    @Test
    void anExporterPrometheusScrapesSomewhereVerifyCannotReachIsSkippedSayingWhere(@TempDir Path dir) throws Exception {
        try (FixtureServer prometheus = FixtureServer.start()
                .on("/api/v1/targets", FixtureServer.json(200, targets("ai_live", "http://10.1.2.3:9110/metrics")))) {
            Outcome outcome = run(VerifySuite.plan(urlMode(load(dir, TWO_EXPORTERS), prometheus.uri(), null)), "exporter.metrics.ai_live");
            assertThat(outcome.status()).isEqualTo(Status.SKIP);
            assertThat(outcome.message()).contains("job ai_live is not reachable from here", "http://10.1.2.3:9110/metrics");
        }
    }

    @Test
    void withoutPrometheusOnlyTheStacksOwnExporterIsCheckedAndTheOthersAreANote(@TempDir Path dir) throws Exception {
        VerifySuite.Plan plan = VerifySuite.plan(urlMode(load(dir, TWO_EXPORTERS), null, URI.create("http://127.0.0.1:1/metrics")));
        assertThat(plan.checks()).extracting(Check::id).containsExactly("exporter.metrics.shadow_mvs");
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("exporters.ai_live: not checked"));
    }

    @Test
    void aComposeServiceIsReachedThroughThePortItPublishesAndTheDockerHostAsLoopback() {
        RunningProject publishesAiLive = new RunningProject() {
            @Override
            public Optional<String> published(String service, int containerPort) {
                return service.equals("ai-live") && containerPort == 9110 ? Optional.of("0.0.0.0:41234") : Optional.empty();
            }

            @Override
            public Map<String, String> environment(String service) {
                return Map.of();
            }
        };
        URI local = URI.create("http://127.0.0.1:9092");
        assertThat(ExporterLocator.locate("http://ai-live:9110/metrics", local, "team", publishesAiLive).url())
                .contains(URI.create("http://127.0.0.1:41234/metrics"));
        assertThat(ExporterLocator.locate("http://metricsd:9111/metrics", local, "team", publishesAiLive).why())
                .contains("project team publishes no port 9111 of a service metricsd");
        assertThat(ExporterLocator.locate("http://host.docker.internal:9111/metrics", local, "team", publishesAiLive).url())
                .contains(URI.create("http://127.0.0.1:9111/metrics"));
        // a Prometheus on another machine: its host is not this one
        assertThat(ExporterLocator.locate("http://host.docker.internal:9111/metrics", URI.create("http://obs.example:9092"), null,
                RunningProject.NONE).url()).isEmpty();
        // localhost inside a project's Prometheus container is that container
        assertThat(ExporterLocator.locate("http://localhost:9111/metrics", local, "team", publishesAiLive).url()).isEmpty();
    }

    @Test
    void oneExporterJobKeepsTheIdCiGrepsFor() {
        var shadow = VerifyContext.of(EMBEDDED.stack("shadow").orElseThrow(), EMBEDDED, new VerifyTargets(URI.create("http://127.0.0.1:1"),
                null, URI.create("http://127.0.0.1:1/metrics"), com.peaktrade.obs.stack.CredentialSources.resolve(com.peaktrade.obs.stack.AccessOptions.NONE, java.util.Map.of("GRAFANA_AUTH", "admin:admin"), com.peaktrade.obs.stack.CredentialSources.ProjectSecrets.NONE), null, "test"), null);
        assertThat(VerifySuite.plan(shadow).checks()).extracting(Check::id).contains("exporter.metrics")
                .noneMatch(id -> id.startsWith("exporter.metrics."));
    }
}
