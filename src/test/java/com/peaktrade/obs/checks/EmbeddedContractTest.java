package com.peaktrade.obs.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractArea;
import com.peaktrade.obs.contract.ContractLoader;
import com.peaktrade.obs.contract.DatasourceVariable;
import com.peaktrade.obs.contract.ExpectedDashboard;
import com.peaktrade.obs.contract.ExpectedDatasource;
import com.peaktrade.obs.contract.ExpectedFamily;
import com.peaktrade.obs.contract.ExpectedJob;
import com.peaktrade.obs.contract.ExpectedVariable;
import com.peaktrade.obs.contract.ExporterContract;
import com.peaktrade.obs.contract.GoldenQuery;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.contract.StackService;
import com.peaktrade.obs.exporter.ShadowMvsContract;
import com.peaktrade.obs.lint.Rule;
import com.peaktrade.obs.lint.Rules;
import com.peaktrade.obs.stack.Stack;
import com.peaktrade.obs.stack.Stacks;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The embedded contract (peaktrade-obs.yaml) says what the repository's assets are: its datasources,
 * dashboards and their variables, the exporter's families (ShadowMvsContract, what the exporter's
 * code generates) and the stacks' compose files and ports. So verify on the embedded stacks gives
 * today's results; when either side changes, this fails until the other follows.
 */
class EmbeddedContractTest {
    private static final Contract EMBEDDED =
            new ContractLoader(Rules.all().stream().map(Rule::id).toList()).loadEmbedded("test");

    @Test
    void theDatasourcesAreTheProvisionedOnesWithTheHostsPrometheusOptional() throws Exception {
        JsonNode provisioned = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("grafana/provisioning/datasources/datasources.yaml").toFile()).path("datasources");
        List<String> uids = new java.util.ArrayList<>();
        provisioned.forEach(d -> uids.add(d.path("uid").asText()));
        assertThat(EMBEDDED.grafana().datasources().entries()).extracting(ExpectedDatasource::uid)
                .containsExactlyElementsOf(uids);
        assertThat(EMBEDDED.grafana().datasources().entries()).filteredOn(ExpectedDatasource::optional)
                .extracting(ExpectedDatasource::uid).containsExactly("peaktrade-prometheus-main");
        assertThat(EMBEDDED.grafana().datasources().entries()).filteredOn(ExpectedDatasource::isDefault)
                .extracting(ExpectedDatasource::uid).containsExactly("peaktrade-prometheus-local");
    }

    @Test
    void theDatasourceVariablesAreTheDsVariablesEachForItsDatasource() {
        Map<String, List<String>> allowed = EMBEDDED.grafana().datasourceVariables().entries().stream()
                .collect(Collectors.toMap(DatasourceVariable::name, DatasourceVariable::allowed));
        assertThat(allowed).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DS_LOCAL", List.of("peaktrade-prometheus-local"),
                "DS_SHADOW", List.of("peaktrade-prometheus-shadow"),
                "DS_MAIN", List.of("peaktrade-prometheus-main")));
    }

    /** What grafana.dashboard.vars checks is what the repository's dashboards declare: the embedded stack passes. */
    @Test
    void eachDashboardsContractedVariablesAreDeclaredInItsJsonWithThatKind() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> byUid = new LinkedHashMap<>();
        try (var files = java.nio.file.Files.walk(Path.of("grafana/dashboards"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode d = json.readTree(f.toFile());
                byUid.put(d.path("uid").asText(), d);
            }
        }
        assertThat(EMBEDDED.grafana().dashboards().entries()).extracting(ExpectedDashboard::uid)
                .containsExactlyInAnyOrderElementsOf(byUid.keySet());
        for (ExpectedDashboard d : EMBEDDED.grafana().dashboards().entries()) {
            Map<String, JsonNode> declared = new LinkedHashMap<>();
            byUid.get(d.uid()).path("templating").path("list").forEach(v -> declared.put(v.path("name").asText(), v));
            assertThat(d.variables()).as(d.uid()).isNotEmpty();
            for (ExpectedVariable v : d.variables()) {
                assertThat(declared).as(d.uid()).containsKey(v.name());
                v.kind().ifPresent(kind -> assertThat(declared.get(v.name()).path("type").asText()).isEqualTo(kind));
                v.query().ifPresent(q -> assertThat(declared.get(v.name()).path("query").toString()).contains(q));
            }
        }
    }

    @Test
    void theGoldenQueriesAreTheSevenOfTheSpecInTheirOrder() {
        assertThat(EMBEDDED.prometheus().queries().entries()).extracting(GoldenQuery::name).containsExactly("up",
                "scrape_samples", "events_rate", "risk_blocks_rate", "error_ratio", "p95_intent_to_ack", "p95_submit_to_ack");
        assertThat(EMBEDDED.prometheus().queries().entries().get(6).promql()).isEqualTo(
                "histogram_quantile(0.95, sum by (le) (rate(peak_trade_pipeline_latency_seconds_bucket{job=\"shadow_mvs\","
                        + "edge=\"submit_to_ack\"}[5m])))");
        assertThat(EMBEDDED.prometheus().queries().entries()).allSatisfy(q -> {
            assertThat(q.minSeries()).isEqualTo(1);
            assertThat(q.minValue()).isEmpty();
            assertThat(q.maxValue()).isEmpty();
            assertThat(q.optional()).isFalse();
        });
    }

    @Test
    void theOneRequiredJobIsTheExportersJob() {
        assertThat(EMBEDDED.prometheus().jobs().entries()).extracting(ExpectedJob::name, ExpectedJob::optional)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ShadowMvsContract.JOB, false));
    }

    @Test
    void theExporterIsShadowMvsContractV1() {
        assertThat(EMBEDDED.exporters().entries()).extracting(ExporterContract::job).containsExactly(ShadowMvsContract.JOB);
        ExporterContract exporter = EMBEDDED.exporter(ShadowMvsContract.JOB).orElseThrow();
        assertThat(exporter.version()).contains(ShadowMvsContract.VERSION);
        assertThat(exporter.families()).extracting(ExpectedFamily::name,
                        f -> ShadowMvsContract.Type.valueOf(f.type().orElseThrow().name()), f -> f.labels().orElseThrow())
                .containsExactlyElementsOf(ShadowMvsContract.FAMILIES.stream()
                        .map(f -> org.assertj.core.groups.Tuple.tuple(f.name(), f.type(), f.labels())).toList());
        for (ShadowMvsContract.Family family : ShadowMvsContract.FAMILIES) {
            ExpectedFamily expected = exporter.family(family.name()).orElseThrow();
            assertThat(expected.sampleNames()).as("what exporter.metrics looks for").isEqualTo(family.sampleNames());
        }
        assertThat(exporter.labelValues()).containsExactlyEntriesOf(ShadowMvsContract.ALLOWED_VALUES);
        assertThat(exporter.forbiddenLabels()).containsExactlyElementsOf(ShadowMvsContract.FORBIDDEN_LABELS);
    }

    /** SPEC §2's two stacks; the option help's project constants and the debug commands' stack names are these. */
    @Test
    void theStacksAreSpecSection2s() {
        assertThat(EMBEDDED.stacks().entries()).extracting(StackDefinition::name).containsExactly("shadow", "grafana")
                .containsExactlyElementsOf(List.of(Stack.values()).stream().map(Stack::id).toList());
        StackDefinition shadow = EMBEDDED.stack("shadow").orElseThrow();
        assertThat(shadow.project()).isEqualTo(Stacks.SHADOW_PROJECT).isEqualTo("peaktrade-shadow-mvs");
        assertThat(shadow.compose()).containsExactly("compose/prometheus-local.yaml", "compose/grafana.yaml",
                "compose/shadow-exporter.yaml");
        assertThat(shadow.services().keySet()).containsExactlyInAnyOrder(StackService.Role.values());
        // VerifySuite runs targets, golden queries and exporter.metrics on the shadow stack only
        assertThat(shadow.expects()).isEqualTo(Set.of(ContractArea.values()));
        StackDefinition grafana = EMBEDDED.stack("grafana").orElseThrow();
        assertThat(grafana.project()).isEqualTo(Stacks.GRAFANA_PROJECT).isEqualTo("peaktrade-grafana-local");
        assertThat(grafana.compose()).containsExactly("compose/prometheus-local.yaml", "compose/grafana.yaml");
        assertThat(grafana.service(StackService.Role.EXPORTER)).isEmpty();
        assertThat(grafana.expects()).isEqualTo(Set.of(ContractArea.GRAFANA));
        assertThat(Stacks.defaultProjects()).containsExactly(Stacks.SHADOW_PROJECT, Stacks.GRAFANA_PROJECT);
    }

    /** The debug commands still pick a built-in stack by name: what they get is the contract's definition. */
    @Test
    void aBuiltInStackByNameIsTheEmbeddedContractsDefinition() {
        assertThat(Stack.SHADOW.composeFiles()).containsExactly("prometheus-local.yaml", "grafana.yaml", "shadow-exporter.yaml");
        assertThat(Stack.SHADOW.hasExporter()).isTrue();
        assertThat(Stack.GRAFANA.hasExporter()).isFalse();
        assertThat(Stack.GRAFANA.defaultProject()).isEqualTo(EMBEDDED.stack("grafana").orElseThrow().project());
    }

    @Test
    void theShadowStackQueriesGrafanaForTheEventsRateAndTheOthersForUp() {
        String eventsRate = EMBEDDED.prometheus().queries().find(g -> g.name().equals("events_rate")).orElseThrow().promql();
        var shadow = EMBEDDED.stack(Stack.SHADOW.id()).orElseThrow().grafanaQuery().orElseThrow();
        assertThat(List.of(shadow.datasource(), shadow.promql())).containsExactly("peaktrade-prometheus-shadow", eventsRate);
        assertThat(EMBEDDED.stack(Stack.GRAFANA.id()).orElseThrow().grafanaQuery()).isEmpty();
        var fallback = EMBEDDED.grafana().query().orElseThrow();
        assertThat(List.of(fallback.datasource(), fallback.promql())).containsExactly("peaktrade-prometheus-local", "up");
    }

    /** Service names as the compose files have them; ports and variables as they publish them. */
    @Test
    void theServicesAreTheComposeFilesPublishedPorts() throws Exception {
        Map<StackService.Role, String> names = Map.of(StackService.Role.PROMETHEUS, "prometheus-local",
                StackService.Role.GRAFANA, "grafana", StackService.Role.EXPORTER, "shadow-mvs-exporter");
        Map<String, Matcher> published = publishedPorts();
        for (StackDefinition stack : EMBEDDED.stacks().entries()) {
            for (StackService s : stack.services().values()) {
                assertThat(s.service()).isEqualTo(names.get(s.role()));
                Matcher port = published.get(s.service());
                assertThat(s.hostPortEnv()).contains(port.group(1));
                assertThat(s.hostPort()).hasValue(Integer.parseInt(port.group(2)));
                assertThat(s.port()).isEqualTo(Integer.parseInt(port.group(3)));
                assertThat(s.path()).isEqualTo(s.role() == StackService.Role.EXPORTER ? ShadowMvsContract.METRICS_PATH : "");
            }
        }
        StackService exporter = EMBEDDED.stack(Stack.SHADOW.id()).orElseThrow().service(StackService.Role.EXPORTER).orElseThrow();
        assertThat(exporter.job()).contains(ShadowMvsContract.JOB);
        assertThat(exporter.port()).isEqualTo(ShadowMvsContract.DEFAULT_PORT);
    }

    /** service → "${VAR:-default}:container" of its ports entry in compose/*.yaml. */
    private static Map<String, Matcher> publishedPorts() throws Exception {
        Pattern mapping = Pattern.compile("\\$\\{([A-Z_]+):-(\\d+)}:(\\d+)$");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Matcher> ports = new LinkedHashMap<>();
        for (String file : List.of("prometheus-local.yaml", "grafana.yaml", "shadow-exporter.yaml")) {
            JsonNode services = yaml.readTree(Path.of("compose", file).toFile()).path("services");
            services.fields().forEachRemaining(e -> e.getValue().path("ports").forEach(p -> {
                Matcher m = mapping.matcher(p.asText());
                if (m.find()) {
                    ports.put(e.getKey(), m);
                }
            }));
        }
        return ports;
    }
}
