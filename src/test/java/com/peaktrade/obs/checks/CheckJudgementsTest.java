package com.peaktrade.obs.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.check.Status;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractLoader;
import com.peaktrade.obs.contract.ExpectedDashboard;
import com.peaktrade.obs.contract.ExporterContract;
import com.peaktrade.obs.lint.Rule;
import com.peaktrade.obs.lint.Rules;
import com.peaktrade.obs.exporter.ExporterSettings;
import com.peaktrade.obs.exporter.ShadowMvsExporter;
import com.peaktrade.obs.grafana.DashboardDetail;
import com.peaktrade.obs.grafana.Datasource;
import com.peaktrade.obs.grafana.Panel;
import com.peaktrade.obs.grafana.TemplateVariable;
import com.peaktrade.obs.prometheus.Target;
import com.peaktrade.obs.prometheus.exposition.Exposition;
import com.peaktrade.obs.prometheus.exposition.ExpositionScraper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure judgements behind the checks: what a given answer means, without any server. */
class CheckJudgementsTest {
    private static Datasource ds(String uid, String name, boolean isDefault) {
        return new Datasource(1, uid, 1, name, "prometheus", "http://prometheus-local:9090", "proxy", isDefault, true, Map.of());
    }

    private static final List<Datasource> CONTRACTED = List.of(
            ds("peaktrade-prometheus-local", "prometheus-local", true),
            ds("peaktrade-prometheus-shadow", "prometheus-shadow", false),
            ds("peaktrade-prometheus-main", "prometheus-main", false));

    private static final Contract EMBEDDED = new ContractLoader(Rules.all().stream().map(Rule::id).toList())
            .loadEmbedded("test");
    private static final ExporterContract SHADOW_MVS = EMBEDDED.exporter("shadow_mvs").orElseThrow();

    @Test
    void contractedDatasourcesPass() {
        Outcome outcome = GrafanaChecks.judgeDatasources(CONTRACTED, EMBEDDED.grafana().datasources().entries());
        assertThat(outcome.status()).isEqualTo(Status.PASS);
        assertThat(outcome.message()).isEqualTo("3 datasources as contracted, default prometheus-local");
    }

    @Test
    void aSecondDefaultAMissingUidAndAWrongNameAreEachNamedWithTheirContractLine() {
        List<Datasource> broken = List.of(
                ds("peaktrade-prometheus-local", "prometheus-local", true),
                ds("peaktrade-prometheus-shadow", "shadow", true));
        Outcome outcome = GrafanaChecks.judgeDatasources(broken, EMBEDDED.grafana().datasources().entries());
        assertThat(outcome.status()).isEqualTo(Status.FAIL);
        assertThat(outcome.message()).contains("2 default datasources",
                "peaktrade-prometheus-shadow is named 'shadow'", "peaktrade-prometheus-shadow is marked default");
        assertThat(outcome.evidence()).anyMatch(e -> e.matches("contract embedded:peaktrade-obs.yaml:\\d+: missing peaktrade-prometheus-main"));
        assertThat(outcome.hint()).contains("provisioning");
    }

    private static TemplateVariable dsVar(String name) {
        return new TemplateVariable(name, "datasource", "prometheus", null, null, null, null);
    }

    private static ExpectedDashboard contracted(String uid) {
        return EMBEDDED.grafana().dashboards().find(d -> d.uid().equals(uid)).orElseThrow();
    }

    @Test
    void aContractedVariableThatIsMissingOrOfAnotherKindIsNamedAndPanelsAreNotJudged() {
        Panel hardCoded = new Panel(1, "c", "timeseries", "peaktrade-prometheus-local", "prometheus", List.of("up"));
        DashboardDetail d = new DashboardDetail("peaktrade-overview", "Overview", 1, "f", "overview", true, "x.json",
                List.of(new TemplateVariable("DS_LOCAL", "query", "up", null, null, null, null)), List.of(hardCoded));
        assertThat(GrafanaChecks.problemsWithVariables(d, contracted("peaktrade-overview"))).extracting(Shortfall::problem)
                .containsExactly("peaktrade-overview variable DS_LOCAL is of type query, expected datasource",
                        "peaktrade-overview lacks the DS_MAIN variable");
    }

    @Test
    void shadowDashboardNeedsModeAndExchangeFromTheContractSeries() {
        TemplateVariable mode = new TemplateVariable("mode", "query", "label_values(peak_trade_pipeline_events_total, mode)",
                null, "${DS_SHADOW}", "prometheus", "All");
        TemplateVariable exchange = new TemplateVariable("exchange", "query", "label_values(up, exchange)",
                null, "${DS_SHADOW}", "prometheus", "All");
        String uid = "peaktrade-shadow-pipeline-mvs";
        DashboardDetail d = new DashboardDetail(uid, "Shadow", 1, "f", "shadow", true, "x.json",
                List.of(dsVar("DS_SHADOW"), mode, exchange), List.of());
        assertThat(GrafanaChecks.problemsWithVariables(d, contracted(uid))).extracting(Shortfall::problem).containsExactly(uid
                + " variable exchange queries 'label_values(up, exchange)', expected "
                + "'label_values(peak_trade_pipeline_events_total, exchange)'");
    }

    @Test
    void theRealExportersExpositionPassesTheContractJudgement() {
        try (ShadowMvsExporter exporter = ShadowMvsExporter.start(new ExporterSettings("127.0.0.1", 0, "shadow", "sim"))) {
            var scrape = new ExpositionScraper(Duration.ofSeconds(5)).scrape(exporter.metricsUri());
            Outcome outcome = ExporterChecks.judge(scrape.parse(), "test", SHADOW_MVS);
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void missingFamiliesAndForbiddenLabelsFailTheContractJudgement() {
        Outcome missing = ExporterChecks.judge(Exposition.parse("# TYPE shadow_mvs_up gauge\nshadow_mvs_up{mode=\"s\",exchange=\"x\"} 1\n"), "t", SHADOW_MVS);
        assertThat(missing.status()).isEqualTo(Status.FAIL);
        assertThat(missing.message()).contains("peak_trade_pipeline_events_total", "peak_trade_pipeline_latency_seconds_bucket");
        Outcome forbidden = ExporterChecks.judge(Exposition.parse(
                "peak_trade_pipeline_events_total{mode=\"s\",stage=\"ack\",exchange=\"x\",client_order_id=\"o-1\"} 3\n"), "t", SHADOW_MVS);
        assertThat(forbidden.message()).contains("forbidden label in peak_trade_pipeline_events_total{client_order_id}");
    }

    private static Target target(String scrapeUrl, String lastError) {
        return new Target("shadow_mvs", "shadow_mvs", "x", Target.Health.DOWN, lastError, scrapeUrl, null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Map.of());
    }

    @Test
    void targetHintsExplainTheSeedsNetworkingTraps() {
        assertThat(PrometheusChecks.targetHint(target("http://localhost:9109/metrics", "connection refused")))
                .contains("the container itself", "host.docker.internal");
        assertThat(PrometheusChecks.targetHint(target("http://host.docker.internal:8000/metrics", "connection refused")))
                .contains("On Linux a host service bound to 127.0.0.1 is not reachable from containers");
        assertThat(PrometheusChecks.targetHint(target("http://shadow-mvs-exporter:9109/metrics",
                "Get \"http://shadow-mvs-exporter:9109/metrics\": dial tcp: lookup shadow-mvs-exporter on 127.0.0.11:53: no such host")))
                .contains("does not resolve");
    }
}
