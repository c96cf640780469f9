package com.peaktrade.obs.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.check.Check;
import com.peaktrade.obs.check.CheckContext;
import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.check.Status;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractLoader;
import com.peaktrade.obs.contract.StackChoice;
import com.peaktrade.obs.grafana.Datasource;
import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.lint.Rule;
import com.peaktrade.obs.lint.Rules;
import com.peaktrade.obs.stack.VerifyTargets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify's checks are built from the contract: its entries, their aliases and optional flags, its empty sections. */
class ContractChecksTest {
    private static final com.peaktrade.obs.stack.EndpointAccess ACCESS = com.peaktrade.obs.stack.CredentialSources.resolve(
            com.peaktrade.obs.stack.AccessOptions.NONE, Map.of(), com.peaktrade.obs.stack.CredentialSources.ProjectSecrets.NONE);
    private static final ContractLoader LOADER = new ContractLoader(Rules.all().stream().map(Rule::id).toList());
    private static final Contract EMBEDDED = LOADER.loadEmbedded("test");

    /** Four Prometheus datasources, two optional; local renamed with the old uid as an alias. */
    private static final String MIGRATING = """
            apiVersion: peaktrade-obs/v1
            grafana:
              datasources:
                - uid: prom_local_9092
                  aliases: [peaktrade-prometheus-local]
                  name: prom-local
                  default: true
                - uid: prom_shadow_9093
                  name: prom-shadow
                - uid: prom_ai_live_9094
                  name: prom-ai-live
                  optional: true
                - uid: prom_observability_9095
                  name: prom-observability
                  optional: true
            prometheus:
              jobs:
                - name: shadow_mvs
                - name: metricsd
                  optional: true
            """;

    private static Contract load(Path dir, String text) throws Exception {
        Path file = dir.resolve("team.yaml");
        Files.writeString(file, text);
        return LOADER.load(file);
    }

    private static Datasource ds(String uid, String name, boolean isDefault) {
        return new Datasource(1, uid, 1, name, "prometheus", "http://p:9090", "proxy", isDefault, true, Map.of());
    }

    private static final Datasource SHADOW = ds("prom_shadow_9093", "prom-shadow", false);
    private static final Datasource AI_LIVE = ds("prom_ai_live_9094", "prom-ai-live", false);
    private static final Datasource OBSERVABILITY = ds("prom_observability_9095", "prom-observability", false);

    @Test
    void theNewUidPasses(@TempDir Path dir) throws Exception {
        Outcome outcome = GrafanaChecks.judgeDatasources(List.of(ds("prom_local_9092", "prom-local", true), SHADOW, AI_LIVE,
                OBSERVABILITY), load(dir, MIGRATING).grafana().datasources().entries());
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(Status.PASS);
        assertThat(outcome.message()).isEqualTo("4 datasources as contracted, default prom-local");
    }

    @Test
    void theOldUidPassesAsAnAliasAndSaysSo(@TempDir Path dir) throws Exception {
        Outcome outcome = GrafanaChecks.judgeDatasources(List.of(ds("peaktrade-prometheus-local", "prom-local", true), SHADOW,
                AI_LIVE, OBSERVABILITY), load(dir, MIGRATING).grafana().datasources().entries());
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(Status.PASS);
        assertThat(outcome.message()).contains("peaktrade-prometheus-local (alias of prom_local_9092)");
    }

    @Test
    void bothUidsPassInEitherOrder(@TempDir Path dir) throws Exception {
        var contracted = load(dir, MIGRATING).grafana().datasources().entries();
        Datasource fresh = ds("prom_local_9092", "prom-local", true);
        Datasource old = ds("peaktrade-prometheus-local", "prometheus-local", false);
        for (List<Datasource> all : List.of(List.of(fresh, old, SHADOW, AI_LIVE, OBSERVABILITY),
                List.of(old, SHADOW, fresh, AI_LIVE, OBSERVABILITY))) {
            Outcome outcome = GrafanaChecks.judgeDatasources(all, contracted);
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(Status.PASS);
            assertThat(outcome.message()).isEqualTo("4 datasources as contracted, default prom-local; "
                    + "peaktrade-prometheus-local (alias of prom_local_9092)");
        }
    }

    @Test
    void duringTheMigrationTheOldUidMayBeTheDefault(@TempDir Path dir) throws Exception {
        Outcome outcome = GrafanaChecks.judgeDatasources(List.of(ds("peaktrade-prometheus-local", "prometheus-local", true),
                ds("prom_local_9092", "prom-local", false), SHADOW, AI_LIVE, OBSERVABILITY),
                load(dir, MIGRATING).grafana().datasources().entries());
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(Status.PASS);
        assertThat(outcome.message()).startsWith("4 datasources as contracted, default prometheus-local;");
    }

    @Test
    void aStackWithoutGrafanaOrPrometheusSaysSoInsteadOfCheckingNothing(@TempDir Path dir) throws Exception {
        Contract contract = load(dir, MIGRATING);
        var targets = new VerifyTargets(null, null, null, ACCESS, null, "test");
        VerifySuite.Plan plan = VerifySuite.plan(VerifyContext.of(StackChoice.of(contract, "shadow", () -> EMBEDDED.stack("shadow"),
                true), contract, targets, null));
        assertThat(plan.checks()).isEmpty();
        assertThat(plan.notes()).contains(
                "prometheus: stack shadow has no prometheus service and no --prometheus-url, not checked",
                "grafana: stack shadow has no grafana service and no --grafana-url, not checked");
    }

    @Test
    void neitherUidFailsNamingTheContractLine(@TempDir Path dir) throws Exception {
        Outcome outcome = GrafanaChecks.judgeDatasources(List.of(ds("prom_local", "prom-local", true), SHADOW, AI_LIVE,
                OBSERVABILITY), load(dir, MIGRATING).grafana().datasources().entries());
        assertThat(outcome.status()).isEqualTo(Status.FAIL);
        assertThat(outcome.message()).contains("missing prom_local_9092 (nor its alias peaktrade-prometheus-local)");
        assertThat(outcome.evidence()).contains("contract " + dir.resolve("team.yaml")
                + ":4: missing prom_local_9092 (nor its alias peaktrade-prometheus-local)");
    }

    @Test
    void aMissingOptionalDatasourceWarnsNamingItsLine(@TempDir Path dir) throws Exception {
        Outcome outcome = GrafanaChecks.judgeDatasources(List.of(ds("prom_local_9092", "prom-local", true), SHADOW, AI_LIVE),
                load(dir, MIGRATING).grafana().datasources().entries());
        assertThat(outcome.status()).isEqualTo(Status.WARN);
        assertThat(outcome.message()).contains("3 datasources as contracted", "optional missing prom_observability_9095");
        assertThat(outcome.evidence()).anyMatch(e -> e.endsWith("team.yaml:13: missing prom_observability_9095"));
    }

    private static VerifyContext context(Contract contract, URI prometheus) {
        var stack = StackChoice.of(contract, "shadow", () -> EMBEDDED.stack("shadow"), true);
        var targets = new VerifyTargets(prometheus, URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:1/metrics"),
                ACCESS, null, "test");
        return VerifyContext.of(stack, contract, targets, null);
    }

    @Test
    void eachJobIsACheckAndAnOptionalJobThatIsDownWarns(@TempDir Path dir) throws Exception {
        String targets = """
                {"status":"success","data":{"activeTargets":[
                  {"labels":{"job":"shadow_mvs","instance":"e:9109"},"scrapePool":"shadow_mvs","scrapeUrl":"http://e:9109/metrics",
                   "health":"up","lastError":"","lastScrape":"2026-01-01T00:00:00Z","lastScrapeDuration":0.01,
                   "scrapeInterval":"5s","scrapeTimeout":"2s","discoveredLabels":{}}],"droppedTargets":[]}}
                """;
        try (FixtureServer prometheus = FixtureServer.start().on("/api/v1/targets", FixtureServer.json(200, targets))) {
            VerifySuite.Plan plan = VerifySuite.plan(context(load(dir, MIGRATING), prometheus.uri()));
            assertThat(plan.checks()).extracting(Check::id).contains("prometheus.targets.shadow_mvs", "prometheus.targets.metricsd");
            Check metricsd = plan.checks().stream().filter(c -> c.id().equals("prometheus.targets.metricsd")).findFirst().orElseThrow();
            Outcome outcome = metricsd.run(CheckContext.start(metricsd.id(), Duration.ofSeconds(2), true));
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(Status.WARN);
            assertThat(outcome.message()).contains("no target for job metricsd", "(optional)");
            assertThat(outcome.evidence()).anyMatch(e -> e.endsWith("team.yaml:19: job metricsd (optional)"));
            Check shadow = plan.checks().stream().filter(c -> c.id().equals("prometheus.targets.shadow_mvs")).findFirst().orElseThrow();
            assertThat(shadow.run(CheckContext.start(shadow.id(), Duration.ofSeconds(2), true)).status()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void emptyAndAbsentSectionsAreOneNoteEachAndNoCheck(@TempDir Path dir) throws Exception {
        Contract contract = load(dir, "apiVersion: peaktrade-obs/v1\ngrafana:\n  datasources: []\nprometheus:\n  jobs:\n");
        VerifySuite.Plan plan = VerifySuite.plan(context(contract, URI.create("http://127.0.0.1:1")));
        String file = dir.resolve("team.yaml").toString();
        assertThat(plan.notes()).containsExactly(
                "prometheus.jobs: empty at " + file + ":5, nothing expected",
                "prometheus.queries: absent in " + file + ", nothing expected",
                "exporters: absent in " + file + ", nothing expected",
                "grafana.datasources: empty at " + file + ":3, nothing expected",
                "grafana.dashboards: absent in " + file + ", nothing expected",
                "grafana.query: absent in " + file + ", no query is sent through Grafana");
        assertThat(plan.checks()).extracting(Check::id).containsExactly("prometheus.ready", "grafana.health", "grafana.auth");
    }

    @Test
    void theEmbeddedContractGivesTodaysChecksOnBothStacks() {
        var shadow = VerifyContext.of(EMBEDDED.stack("shadow").orElseThrow(), EMBEDDED, new VerifyTargets(
                URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:1/metrics"),
                ACCESS, null, "test"), null);
        VerifySuite.Plan plan = VerifySuite.plan(shadow);
        assertThat(plan.notes()).isEmpty();
        assertThat(plan.checks()).extracting(Check::id).containsExactly("prometheus.ready", "prometheus.targets",
                "prometheus.query.up", "prometheus.query.scrape_samples", "prometheus.query.events_rate",
                "prometheus.query.risk_blocks_rate", "prometheus.query.error_ratio", "prometheus.query.p95_intent_to_ack",
                "prometheus.query.p95_submit_to_ack", "exporter.metrics", "grafana.health", "grafana.auth",
                "grafana.datasources", "grafana.datasource.health", "grafana.dashboards", "grafana.dashboard.vars",
                "grafana.query");
        var grafana = VerifyContext.of(EMBEDDED.stack("grafana").orElseThrow(), EMBEDDED, new VerifyTargets(
                URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:1"), null, ACCESS, null,
                "test"), null);
        assertThat(VerifySuite.plan(grafana).checks()).extracting(Check::id).containsExactly("prometheus.ready",
                "grafana.health", "grafana.auth", "grafana.datasources", "grafana.datasource.health", "grafana.dashboards",
                "grafana.dashboard.vars", "grafana.query");
        assertThat(Optional.of(VerifySuite.plan(grafana).notes())).contains(List.of());
    }
}
