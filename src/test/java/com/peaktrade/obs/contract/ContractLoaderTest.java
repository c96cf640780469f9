package com.peaktrade.obs.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven over contract/good and contract/bad, then what the loaded model says. */
class ContractLoaderTest {
    static List<Path> good() {
        return ContractFixtures.good();
    }

    static List<Path> bad() {
        return ContractFixtures.bad();
    }

    @ParameterizedTest
    @MethodSource("good")
    void aGoodContractLoads(Path fixture) {
        Contract contract = ContractFixtures.LOADER.load(fixture);
        assertThat(contract.apiVersion()).isEqualTo(Contract.API_VERSION);
        assertThat(contract.origin().file()).isEqualTo(fixture.toString());
    }

    @ParameterizedTest
    @MethodSource("bad")
    void aBadContractFailsWithEveryProblemAtItsLine(Path fixture) {
        List<String> expected = ContractFixtures.expectedProblems(fixture);
        assertThat(expected).as("%s lists the problems it must cause (# expect:)", fixture).isNotEmpty();
        ContractException e = catchThrowableOfType(ContractException.class, () -> ContractFixtures.LOADER.load(fixture));
        assertThat(e).as("%s must not load", fixture).isNotNull();
        assertThat(e.problems()).containsExactlyElementsOf(expected);
        assertThat(e.getMessage()).contains(expected.get(0));
    }

    @Test
    void aBrokenContractIsAConfigurationErrorThatExitsTwo() {
        ContractException e = catchThrowableOfType(ContractException.class,
                () -> ContractFixtures.LOADER.load(ContractFixtures.ROOT.resolve("bad/wrong-types.yaml")));
        assertThat(e).isInstanceOf(ConfigException.class);
        assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(e.getMessage()).startsWith("invalid contract " + ContractFixtures.ROOT.resolve("bad/wrong-types.yaml")
                + " (3 problems):\n  ");
        assertThat(e.hint()).contains("contract check").contains("docs/contract.md");
    }

    @Test
    void aContractFileThatDoesNotExistIsNamed() {
        assertThatThrownBy(() -> ContractFixtures.LOADER.load(Path.of("no/such/team.yaml")))
                .isInstanceOf(ContractException.class)
                .hasMessage("invalid contract no/such/team.yaml: does not exist");
    }

    @Test
    void theEmbeddedContractLoadsAndItsComposeFilesAreAmongTheEmbeddedAssets() {
        Contract contract = ContractFixtures.LOADER.loadEmbedded("test");
        assertThat(contract.origin().kind()).isEqualTo(ContractOrigin.Kind.EMBEDDED);
        assertThat(contract.origin().describe()).isEqualTo("embedded default (test)");
        assertThat(contract.stacks().entries()).extracting(StackDefinition::name).containsExactly("shadow", "grafana");
        assertThat(contract.text()).isEqualTo(ContractFixtures.text(ContractFixtures.SEED));
        Path assets = Path.of("/somewhere/assets");
        assertThat(contract.origin().resolve("compose/grafana.yaml", assets)).isEqualTo(assets.resolve("compose/grafana.yaml"));
    }

    @Test
    void anEmbeddedPathOutsideTheAssetsIsMissing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "apiVersion: peaktrade-obs/v1\nstacks:\n  x:\n    project: x\n    compose: [../pom.xml]\n");
        String text = Files.readString(file);
        ContractOrigin origin = new ContractOrigin(ContractOrigin.Kind.EMBEDDED, "embedded:x", Optional.empty(), "");
        assertThatThrownBy(() -> ContractFixtures.LOADER.parse(text, origin, new RelativeFiles() {
            @Override
            public boolean exists(String relative) {
                return false;
            }

            @Override
            public String describe(String relative) {
                return "not among the embedded assets";
            }
        })).hasMessage("invalid contract embedded:x:5: stacks.x.compose[0]: compose file ../pom.xml does not exist "
                + "(not among the embedded assets)");
    }

    @Test
    void absentSectionsAreToldApartFromSectionsWrittenEmpty() {
        Contract minimal = ContractFixtures.LOADER.load(ContractFixtures.ROOT.resolve("good/minimal.yaml"));
        assertThat(minimal.stacks().isAbsent()).isTrue();
        assertThat(minimal.grafana().datasources().isAbsent()).isTrue();
        assertThat(minimal.prometheus().queries().isAbsent()).isTrue();
        assertThat(minimal.exporters().isAbsent()).isTrue();
        assertThat(minimal.lint().declaredAt()).isEmpty();

        Path emptyFile = ContractFixtures.ROOT.resolve("good/empty-sections.yaml");
        Contract empty = ContractFixtures.LOADER.load(emptyFile);
        assertThat(empty.stacks().isAbsent()).isFalse();
        assertThat(empty.stacks().declaredAt()).contains(new Where(emptyFile.toString(), 3));
        assertThat(empty.grafana().datasources().isAbsent()).isFalse();
        assertThat(empty.grafana().dashboards().declaredAt()).contains(new Where(emptyFile.toString(), 6));
        assertThat(empty.grafana().datasourceVariables().isAbsent()).isTrue();
        assertThat(empty.exporters().isAbsent()).isFalse();
        // either way nothing is expected there
        assertThat(List.of(minimal.stacks(), empty.stacks(), empty.grafana().dashboards(), empty.exporters()))
                .allMatch(Section::expectsNothing);
    }

    @Test
    void everyEntryRemembersTheLineItIsWrittenOn() {
        Contract contract = ContractFixtures.LOADER.load(ContractFixtures.SEED);
        List<String> lines = contract.text().lines().toList();
        ExpectedDatasource main = contract.grafana().datasource("peaktrade-prometheus-main").orElseThrow();
        assertThat(lines.get(main.where().line() - 1)).contains("- uid: peaktrade-prometheus-main");
        assertThat(main.where().toString()).isEqualTo("peaktrade-obs.yaml:" + main.where().line());
        GoldenQuery errorRatio = contract.prometheus().queries().find(q -> q.name().equals("error_ratio")).orElseThrow();
        assertThat(lines.get(errorRatio.where().line() - 1)).contains("- name: error_ratio");
        StackDefinition grafana = contract.stack("grafana").orElseThrow();
        assertThat(lines.get(grafana.where().line() - 1)).isEqualTo("  grafana:");
        ExpectedVariable mode = contract.grafana().dashboards().find(d -> d.uid().equals("peaktrade-shadow-pipeline-mvs"))
                .orElseThrow().variables().get(1);
        assertThat(lines.get(mode.where().line() - 1)).contains("- name: mode");
    }

    @Test
    void aDatasourceIsMatchedByItsUidAndByEachAlias(@TempDir Path dir) throws Exception {
        Contract team = ContractFixtures.LOADER.load(ContractFixtures.workedExampleRepository(dir));
        ExpectedDatasource local = team.grafana().datasource("prom_local_9092").orElseThrow();
        assertThat(team.grafana().datasource("peaktrade-prometheus-local")).contains(local);
        assertThat(local.matches("prom_shadow_9093")).isFalse();
        assertThat(team.grafana().datasource("peaktrade-prometheus-main")).isEmpty();
    }

    @Test
    void theWorkedExampleOfTheDocsIsTheTeamsStack(@TempDir Path dir) throws Exception {
        Contract team = ContractFixtures.LOADER.load(ContractFixtures.workedExampleRepository(dir));
        assertThat(team.grafana().datasources().entries()).hasSize(4)
                .filteredOn(ExpectedDatasource::optional).extracting(ExpectedDatasource::uid)
                .containsExactly("prom_ai_live_9094", "prom_observability_9095");
        assertThat(team.grafana().dashboards().entries()).hasSize(12)
                .extracting(d -> d.folder().orElseThrow()).containsOnly("overview", "shadow", "execution", "ai-live", "http");
        assertThat(team.prometheus().jobs().entries()).extracting(ExpectedJob::name).contains("ai_live", "metricsd");
        assertThat(team.grafana().datasourceVariables().find(v -> v.name().equals("ds")).orElseThrow().allowed()).hasSize(4);
        ExpectedVariable mode = team.grafana().dashboards().find(d -> d.uid().equals("peaktrade-shadow-pipeline-mvs"))
                .orElseThrow().variables().get(1);
        assertThat(mode).extracting(ExpectedVariable::kind, ExpectedVariable::query)
                .containsExactly(Optional.of("custom"), Optional.of("shadow,live"));
        StackDefinition obs = team.stack("obs").orElseThrow();
        assertThat(obs.compose()).containsExactly("docker/compose.prometheus.yml", "docker/compose.grafana.yml");
        assertThat(team.origin().resolve(obs.compose().get(0), Path.of("/elsewhere")))
                .isEqualTo(dir.toAbsolutePath().resolve("docker/compose.prometheus.yml"));
        assertThat(obs.expects()).containsExactlyInAnyOrder(ContractArea.values());
        assertThat(team.lint().ignores()).singleElement().extracting(LintPolicy.Ignore::reason).asString().contains("OBS-112");
    }

    @Test
    void shorthandsAreNamesWithEverythingElseLeftOpen() {
        Contract contract = ContractFixtures.LOADER.load(ContractFixtures.ROOT.resolve("good/shorthands.yaml"));
        assertThat(contract.prometheus().jobs().entries()).extracting(ExpectedJob::name, ExpectedJob::optional)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app", false), org.assertj.core.groups.Tuple.tuple("exporter", false));
        ExpectedFamily up = contract.exporter("exporter").orElseThrow().families().get(0);
        assertThat(up.type()).isEmpty();
        assertThat(up.labels()).isEmpty();
        assertThat(up.sampleNames()).containsExactly("app_up");
        assertThat(contract.grafana().dashboards().entries().get(0).variables()).extracting(ExpectedVariable::name)
                .containsExactly("DS_LOCAL", "mode");
        assertThat(contract.stack("mini").orElseThrow().services()).isEmpty();
    }

    @Test
    void aGoldenQueryExpectsDataAndNoNanUnlessItSaysMore() {
        Contract contract = ContractFixtures.LOADER.load(ContractFixtures.SEED);
        GoldenQuery up = contract.prometheus().queries().entries().get(0);
        assertThat(up.checkId()).isEqualTo("prometheus.query.up");
        assertThat(up.minSeries()).isEqualTo(1);
        assertThat(up.minValue()).isEmpty();
        assertThat(up.maxValue()).isEmpty();
        assertThat(up.optional()).isFalse();
    }

    @Test
    void aHistogramFamilyIsServedAsBucketSumAndCount() {
        ExpectedFamily latency = ContractFixtures.LOADER.loadEmbedded("").exporter("shadow_mvs").orElseThrow()
                .family("peak_trade_pipeline_latency_seconds").orElseThrow();
        assertThat(latency.sampleNames()).containsExactly("peak_trade_pipeline_latency_seconds_bucket",
                "peak_trade_pipeline_latency_seconds_sum", "peak_trade_pipeline_latency_seconds_count");
    }

    @Test
    void aLintRuleMayBeNamedByAPrefix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "apiVersion: peaktrade-obs/v1\nlint:\n  off: ['dashboard.query.*']\n"
                + "  severity: {'compose.*': warning}\n");
        LintPolicy lint = ContractFixtures.LOADER.load(file).lint();
        assertThat(lint.off()).extracting(LintPolicy.RuleOff::rule).containsExactly("dashboard.query.*");
        assertThat(lint.severities()).extracting(LintPolicy.SeverityOverride::level).containsExactly(LintPolicy.Level.WARNING);
        assertThat(lint.declaredAt()).contains(new Where(file.toString(), 2));
    }
}
