package com.peaktrade.obs.contract.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractLoader;
import com.peaktrade.obs.contract.ExpectedDashboard;
import com.peaktrade.obs.contract.ExpectedDatasource;
import com.peaktrade.obs.contract.ExpectedJob;
import com.peaktrade.obs.contract.ExpectedVariable;
import com.peaktrade.obs.contract.GoldenQuery;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.contract.StackService;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.lint.Rule;
import com.peaktrade.obs.lint.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractInitFromAssetsTest {
    static final ContractLoader LOADER = new ContractLoader(Rules.all().stream().map(Rule::id).toList());
    static final Path FIXTURES = Path.of("src/test/resources/contract-init");

    @TempDir
    Path out;

    private String draft(Path assets) {
        return ContractInit.draft(new ContractInit.Request(Optional.of(assets), Optional.empty(), out));
    }

    /** The draft as `contract init -o` writes it, loaded as every command loads a contract. */
    private Contract drafted(Path assets) throws IOException {
        Path file = out.resolve(Contract.FILE_NAME);
        Files.writeString(file, draft(assets));
        return LOADER.load(file);
    }

    @Test
    void ourOwnAssetsGiveTheEmbeddedContractsDatasourcesDashboardsAndJobs() throws IOException {
        Contract drafted = drafted(Path.of(""));
        Contract seed = LOADER.load(Path.of(Contract.FILE_NAME));

        assertThat(byUid(drafted)).isEqualTo(byUid(seed));
        Map<String, Optional<String>> seedFolders = seed.grafana().dashboards().entries().stream()
                .collect(Collectors.toMap(ExpectedDashboard::uid, ExpectedDashboard::folder));
        assertThat(drafted.grafana().dashboards().entries().stream()
                .collect(Collectors.toMap(ExpectedDashboard::uid, ExpectedDashboard::folder))).isEqualTo(seedFolders);
        // every variable the seed requires is drafted with the same query; the draft also lists the
        // labeled dashboard's `route` and says each variable's kind (the seed leaves those out)
        for (ExpectedDashboard wanted : seed.grafana().dashboards().entries()) {
            ExpectedDashboard found = drafted.grafana().dashboards().find(d -> d.uid().equals(wanted.uid())).orElseThrow();
            for (ExpectedVariable variable : wanted.variables()) {
                assertThat(found.variables()).anySatisfy(v -> {
                    assertThat(v.name()).isEqualTo(variable.name());
                    assertThat(v.query()).isEqualTo(variable.query());
                });
            }
        }
        assertThat(drafted.grafana().datasourceVariables().entries()).extracting(v -> v.name() + "=" + v.allowed())
                .containsExactlyInAnyOrderElementsOf(seed.grafana().datasourceVariables().entries().stream()
                        .map(v -> v.name() + "=" + v.allowed()).toList());
        // the seed's one job is required; the web app on the host, which the seed does not name, is optional
        assertThat(drafted.prometheus().jobs().entries().stream().filter(j -> !j.optional()).map(ExpectedJob::name))
                .containsExactlyElementsOf(seed.prometheus().jobs().entries().stream().map(ExpectedJob::name).toList());
        assertThat(drafted.prometheus().jobs().entries()).filteredOn(ExpectedJob::optional).extracting(ExpectedJob::name)
                .containsExactly("peak_trade_web");
    }

    @Test
    void ourOwnComposeFilesBecomeOneStackInTheOrderTheyBuildOnEachOther() throws IOException {
        StackDefinition stack = drafted(Path.of("")).stacks().entries().get(0);
        StackDefinition shadow = LOADER.load(Path.of(Contract.FILE_NAME)).stack("shadow").orElseThrow();

        assertThat(stack.compose()).map(file -> Path.of(file).getFileName().toString())
                .containsExactlyElementsOf(shadow.compose().stream().map(file -> Path.of(file).getFileName().toString()).toList());
        for (StackService.Role role : StackService.Role.values()) {
            StackService want = shadow.service(role).orElseThrow();
            StackService got = stack.service(role).orElseThrow();
            assertThat(got.service() + ":" + got.port() + "->" + got.hostPort() + " " + got.hostPortEnv() + got.path() + got.job())
                    .isEqualTo(want.service() + ":" + want.port() + "->" + want.hostPort() + " " + want.hostPortEnv() + want.path() + want.job());
        }
    }

    @Test
    void theUsersOriginalAssetsKeepTheirCustomListsAndTheirFourDatasources() throws IOException {
        Contract drafted = drafted(FIXTURES.resolve("original-assets"));

        assertThat(drafted.grafana().datasources().entries()).extracting(ExpectedDatasource::uid).containsExactlyInAnyOrder(
                "peaktrade-prometheus", "peaktrade-prometheus-local", "peaktrade-prometheus-main", "peaktrade-prometheus-shadow");
        assertThat(drafted.grafana().datasources().entries()).filteredOn(ExpectedDatasource::isDefault)
                .extracting(ExpectedDatasource::uid).containsExactly("peaktrade-prometheus-local");
        ExpectedDashboard shadow = drafted.grafana().dashboards().find(d -> d.uid().equals("peaktrade-shadow-pipeline-mvs")).orElseThrow();
        assertThat(shadow.folder()).contains("shadow");
        assertThat(shadow.variables()).extracting(v -> v.name() + ":" + v.kind().orElse("") + ":" + v.query().orElse(""))
                .containsExactly("DS_SHADOW:datasource:", "DS_LOCAL:datasource:", "DS_MAIN:datasource:",
                        "mode:custom:shadow,live", "exchange:custom:kraken,sim");
        ExpectedDashboard execution = drafted.grafana().dashboards().find(d -> d.uid().equals("peaktrade-execution-watch-overview"))
                .orElseThrow();
        assertThat(execution.variables()).extracting(ExpectedVariable::name, v -> v.kind().orElse(""))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DS_SHADOW", "datasource"),
                        org.assertj.core.groups.Tuple.tuple("DS_MAIN", "datasource"),
                        org.assertj.core.groups.Tuple.tuple("DS_LOCAL", "datasource"),
                        org.assertj.core.groups.Tuple.tuple("run_id", "query"));
        assertThat(drafted.prometheus().jobs().entries()).extracting(ExpectedJob::name)
                .containsExactly("shadow_mvs", "peak_trade_web", "ai_live");
        assertThat(drafted.prometheus().queries().entries()).extracting(GoldenQuery::promql).contains("up{job=\"shadow_mvs\"}");
        assertThat(drafted.stacks().entries()).as("their assets have no compose file").isEmpty();
    }

    @Test
    void aTreeOfAnyShapeIsReadByContentAndALegacyDisabledSubdirectoryIsNotProvisioned() throws IOException {
        String text = draft(FIXTURES.resolve("weird"));
        Files.writeString(out.resolve(Contract.FILE_NAME), text);
        Contract drafted = LOADER.load(out.resolve(Contract.FILE_NAME));

        assertThat(drafted.grafana().datasources().entries()).extracting(ExpectedDatasource::uid, d -> d.name().orElse(""))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tsdb-main", "TSDB: main"));
        assertThat(text).contains("ops/observability/grafana-prov/datasources/legacy_disabled/old.yaml: not provisioned");
        Map<String, ExpectedDashboard> dashboards = drafted.grafana().dashboards().entries().stream()
                .collect(Collectors.toMap(ExpectedDashboard::uid, Function.identity()));
        assertThat(dashboards.get("orders-board").folder()).contains("orders");
        assertThat(dashboards.get("top-board").folder()).as("the provider's folder, for a file at its top").contains("Trading");
        assertThat(dashboards.get("orders-board").variables())
                .extracting(v -> v.name() + ":" + v.kind().orElse("") + ":" + v.query().orElse(""))
                .containsExactly("DS:datasource:", "env:custom:prod,staging", "instance:query:label_values(up{job=\"orders\"}, instance)");
        assertThat(drafted.grafana().datasourceVariables().entries()).extracting(v -> v.name() + "=" + v.allowed())
                .containsExactly("DS=[tsdb-main]");

        StackDefinition stack = drafted.stacks().entries().get(0);
        assertThat(stack.name()).isEqualTo("trading-obs");
        assertThat(stack.compose()).containsExactly(
                out.relativize(FIXTURES.resolve("weird/ops/observability/docker-compose.yml").toAbsolutePath()).toString());
        assertThat(stack.service(StackService.Role.PROMETHEUS).orElseThrow()).extracting(StackService::service, StackService::port,
                s -> s.hostPort().getAsInt()).containsExactly("tsdb", 9090, 9191);
        StackService grafana = stack.service(StackService.Role.GRAFANA).orElseThrow();
        assertThat(grafana.hostPortEnv()).contains("UI_PORT");
        assertThat(grafana.hostPort().getAsInt()).isEqualTo(3300);
        StackService exporter = stack.service(StackService.Role.EXPORTER).orElseThrow();
        assertThat(exporter.service() + " " + exporter.port() + exporter.path() + " " + exporter.job().orElse(""))
                .isEqualTo("orders-metrics 8123/prom orders");
        assertThat(drafted.prometheus().jobs().entries()).extracting(ExpectedJob::name, ExpectedJob::optional)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("orders", false), org.assertj.core.groups.Tuple.tuple("node", true));
        assertThat(text).contains("# scrapes host.docker.internal:9100, which no compose service here is: down is a WARN");
    }

    @Test
    void theDraftSaysAtTheTopThatAHumanMustReviewIt() {
        assertThat(draft(FIXTURES.resolve("original-assets"))).startsWith("# DRAFT written by `peaktrade-obs contract init`: REVIEW IT");
    }

    @Test
    void aTreeWithoutAssetsIsANamedErrorNotAnEmptyContract() throws IOException {
        Path empty = Files.createDirectories(out.resolve("empty"));
        Files.writeString(empty.resolve("notes.yaml"), "hello: world\n");

        assertThatThrownBy(() -> draft(empty)).isInstanceOf(ConfigException.class).hasMessageContaining("found nothing to write");
        assertThatThrownBy(() -> draft(out.resolve("missing"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a directory");
    }

    private static Map<String, String> byUid(Contract contract) {
        return contract.grafana().datasources().entries().stream().collect(Collectors.toMap(ExpectedDatasource::uid,
                d -> d.name().orElse("") + " default=" + d.isDefault() + " optional=" + d.optional()));
    }
}
