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
import com.peaktrade.obs.stack.StackEndpoints;
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
 * The embedded contract (peaktrade-obs.yaml) says exactly what the code expects today: GrafanaContract,
 * the golden queries, ShadowMvsContract's families and the Stack enum. So wiring verify and lint to the
 * contract changes no behaviour; when either side changes, this fails until the other follows.
 */
class EmbeddedContractTest {
    private static final Contract EMBEDDED =
            new ContractLoader(Rules.all().stream().map(Rule::id).toList()).loadEmbedded("test");

    @Test
    void theDatasourcesAreGrafanaContracts() {
        assertThat(EMBEDDED.grafana().datasources().entries()).extracting(d -> new GrafanaContract.ExpectedDatasource(
                d.uid(), d.name().orElseThrow(), d.isDefault(), d.optional()))
                .containsExactlyElementsOf(GrafanaContract.DATASOURCES);
        assertThat(EMBEDDED.grafana().datasources().entries()).allSatisfy(d -> {
            assertThat(d.aliases()).isEmpty();
            assertThat(d.type()).isEmpty();
            assertThat(d.url()).isEmpty();
        });
    }

    @Test
    void theDatasourceVariablesAreTheDsVariablesEachForItsDatasource() {
        assertThat(EMBEDDED.grafana().datasourceVariables().entries()).extracting(DatasourceVariable::name)
                .containsExactlyElementsOf(GrafanaContract.DS_VARIABLES);
        Map<String, List<String>> allowed = EMBEDDED.grafana().datasourceVariables().entries().stream()
                .collect(Collectors.toMap(DatasourceVariable::name, DatasourceVariable::allowed));
        assertThat(allowed).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DS_LOCAL", List.of(GrafanaContract.LOCAL),
                "DS_SHADOW", List.of(GrafanaContract.SHADOW),
                "DS_MAIN", List.of(GrafanaContract.MAIN)));
    }

    @Test
    void theDashboardsAreGrafanaContractsWithTheShadowDashboardsVariables() {
        Map<String, String> folders = EMBEDDED.grafana().dashboards().entries().stream()
                .collect(Collectors.toMap(ExpectedDashboard::uid, d -> d.folder().orElseThrow()));
        assertThat(folders).containsExactlyInAnyOrderEntriesOf(GrafanaContract.DASHBOARDS);
        for (ExpectedDashboard d : EMBEDDED.grafana().dashboards().entries()) {
            if (d.uid().equals(GrafanaContract.SHADOW_DASHBOARD)) {
                assertThat(d.title()).contains(GrafanaContract.SHADOW_TITLE);
                Map<String, String> queries = d.variables().stream()
                        .collect(Collectors.toMap(ExpectedVariable::name, v -> v.query().orElseThrow()));
                assertThat(queries).containsExactlyInAnyOrderEntriesOf(GrafanaContract.SHADOW_VARIABLES);
                assertThat(d.variables()).allSatisfy(v -> assertThat(v.kind()).isEmpty());
            } else {
                assertThat(d.title()).isEmpty();
                assertThat(d.variables()).isEmpty();
            }
        }
    }

    @Test
    void theGoldenQueriesArePrometheusChecksInTheirOrder() {
        assertThat(EMBEDDED.prometheus().queries().entries())
                .extracting(q -> new PrometheusChecks.Golden(q.name(), q.promql()))
                .containsExactlyElementsOf(PrometheusChecks.goldenQueries());
        assertThat(EMBEDDED.prometheus().queries().entries()).allSatisfy(q -> {
            assertThat(q.minSeries()).isEqualTo(1);
            assertThat(q.minValue()).isEmpty();
            assertThat(q.maxValue()).isEmpty();
            assertThat(q.optional()).isFalse();
        });
        assertThat(EMBEDDED.prometheus().queries().entries()).extracting(GoldenQuery::checkId)
                .allMatch(id -> id.startsWith(PrometheusChecks.QUERY + "."));
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

    @Test
    void theStacksAreTheStackEnum() {
        assertThat(EMBEDDED.stacks().entries()).extracting(StackDefinition::name)
                .containsExactlyElementsOf(List.of(Stack.values()).stream().map(Stack::id).toList());
        for (Stack stack : Stack.values()) {
            StackDefinition definition = EMBEDDED.stack(stack.id()).orElseThrow();
            assertThat(definition.project()).isEqualTo(stack.defaultProject());
            assertThat(definition.compose()).isEqualTo(stack.composeFiles().stream().map(f -> "compose/" + f).toList());
            assertThat(definition.service(StackService.Role.EXPORTER).isPresent()).isEqualTo(stack.hasExporter());
            // VerifySuite runs targets, golden queries and exporter.metrics on the shadow stack only
            assertThat(definition.expects()).isEqualTo(stack == Stack.SHADOW
                    ? Set.of(ContractArea.values()) : Set.of(ContractArea.GRAFANA));
        }
    }

    @Test
    void eachStacksGrafanaQueryIsVerifySuites() {
        String eventsRate = PrometheusChecks.goldenQueries().stream().filter(g -> g.name().equals("events_rate"))
                .findFirst().orElseThrow().promql();
        var shadow = EMBEDDED.stack(Stack.SHADOW.id()).orElseThrow().grafanaQuery().orElseThrow();
        assertThat(List.of(shadow.datasource(), shadow.promql())).containsExactly(GrafanaContract.SHADOW, eventsRate);
        assertThat(EMBEDDED.stack(Stack.GRAFANA.id()).orElseThrow().grafanaQuery()).isEmpty();
        var fallback = EMBEDDED.grafana().query().orElseThrow();
        assertThat(List.of(fallback.datasource(), fallback.promql())).containsExactly(GrafanaContract.LOCAL, "up");
    }

    /** Service names as StackEndpoints has them; ports and variables as the compose files publish them. */
    @Test
    void theServicesAreTheComposeFilesPublishedPorts() throws Exception {
        Map<StackService.Role, String> names = Map.of(StackService.Role.PROMETHEUS, StackEndpoints.PROMETHEUS,
                StackService.Role.GRAFANA, StackEndpoints.GRAFANA, StackService.Role.EXPORTER, StackEndpoints.EXPORTER);
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
