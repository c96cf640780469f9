package com.peaktrade.obs.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.check.Result;
import com.peaktrade.obs.check.Status;
import com.peaktrade.obs.contract.Contract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lint reads its expectations and its policy from the contract, and skips a rule whose inputs are missing. */
class LintContractTest {
    static final Path GOOD = LintRulesTest.FIXTURES.resolve("good");
    static final Path SEED = LintRulesTest.FIXTURES.resolve("seed-original");

    /** The good fixture's contract with {@code extra} appended (a lint section, say), written as a file. */
    static Contract goodContractWith(Path dir, String extra) throws Exception {
        Path file = dir.resolve("team.yaml");
        Files.writeString(file, Files.readString(GOOD.resolve(Contract.FILE_NAME)) + extra);
        return LintRulesTest.LOADER.load(file);
    }

    static LintResult lint(Path assets, Contract contract) {
        return new Linter().lint(new LintRequest(assets, List.of(), List.of(), null, Path.of(""), Map.of(), false, contract));
    }

    static Report report(LintResult result) {
        return LintReport.toReport(result, Rules.all(), false, Duration.ZERO, Instant.EPOCH);
    }

    @Test
    void aFamilyTheTeamAddsToItsContractIsAKnownSeries(@TempDir Path dir) throws Exception {
        Path bad = LintRulesTest.FIXTURES.resolve("bad/dashboard.query.unknown-metric");
        assertThat(lint(bad, LintRulesTest.LOADER.loadFromAssets(bad, "fixture")).findings("dashboard.query.unknown-metric"))
                .isNotEmpty();
        String withFamily = Files.readString(GOOD.resolve(Contract.FILE_NAME)).replace(
                "      - {name: peak_trade_run_state, type: gauge, labels: [mode, state]}",
                "      - {name: peak_trade_run_state, type: gauge, labels: [mode, state]}\n"
                        + "      - {name: peak_trade_pipeline_event_total, type: counter, labels: [mode, stage, exchange]}");
        Files.writeString(dir.resolve("team.yaml"), withFamily);
        LintResult result = lint(bad, LintRulesTest.LOADER.load(dir.resolve("team.yaml")));
        assertThat(result.findings("dashboard.query.unknown-metric")).as(LintRulesTest.describe(result)).isEmpty();
    }

    @Test
    void aRuleSwitchedOffByTheContractIsSkippedSayingWhere(@TempDir Path dir) throws Exception {
        Contract contract = goodContractWith(dir, "\nlint:\n  off: [dashboard.query.*]\n");
        LintResult result = lint(LintRulesTest.FIXTURES.resolve("bad/dashboard.query.rate-interval"), contract);
        assertThat(result.findings("dashboard.query.rate-interval")).isEmpty();
        assertThat(result.skipped().get("dashboard.query.rate-interval")).startsWith("off in the contract (")
                .contains("team.yaml:");
        assertThat(report(result).result("dashboard.query.rate-interval").orElseThrow().status()).isEqualTo(Status.SKIP);
    }

    @Test
    void aSeverityOverrideTurnsAWarningIntoAFailure(@TempDir Path dir) throws Exception {
        Contract contract = goodContractWith(dir, "\nlint:\n  severity:\n    dashboard.query.rate-interval: error\n");
        LintResult result = lint(LintRulesTest.FIXTURES.resolve("bad/dashboard.query.rate-interval"), contract);
        Result line = report(result).result("dashboard.query.rate-interval").orElseThrow();
        assertThat(line.status()).isEqualTo(Status.FAIL);
        assertThat(line.evidence()).contains("severity: error (set by the contract)");
        assertThat(LintReport.exitCode(result, report(result))).isEqualTo(1);
    }

    @Test
    void anIgnoredFindingIsReportedWithItsReasonNotDropped(@TempDir Path dir) throws Exception {
        Contract contract = goodContractWith(dir, "\nlint:\n  ignore:\n    - rule: dashboard.variable.label.forbidden\n"
                + "      file: grafana/dashboards/shadow/*.json\n      value: run_id\n"
                + "      reason: the run drill-down stays until OBS-112\n");
        LintResult result = lint(LintRulesTest.FIXTURES.resolve("bad/dashboard.variable.label.forbidden"), contract);
        assertThat(result.findings("dashboard.variable.label.forbidden")).isEmpty();
        assertThat(result.ignored("dashboard.variable.label.forbidden")).singleElement()
                .satisfies(i -> assertThat(i.reason()).isEqualTo("the run drill-down stays until OBS-112"));
        assertThat(result.notes()).contains("1 finding(s) ignored by the contract's lint policy");
        Result line = report(result).result("dashboard.variable.label.forbidden").orElseThrow();
        assertThat(line.status()).isEqualTo(Status.PASS);
        assertThat(line.message()).startsWith("ignored by the contract (").contains("the run drill-down stays until OBS-112")
                .contains("grafana/dashboards/shadow/good.json:28");
    }

    @Test
    void anIgnoreForAnotherValueOrFileAcceptsNothing(@TempDir Path dir) throws Exception {
        Contract contract = goodContractWith(dir, "\nlint:\n  ignore:\n    - rule: dashboard.variable.label.forbidden\n"
                + "      value: intent_id\n      reason: other\n    - rule: dashboard.variable.label.forbidden\n"
                + "      file: grafana/dashboards/legacy/*.json\n      reason: legacy only\n");
        LintResult result = lint(LintRulesTest.FIXTURES.resolve("bad/dashboard.variable.label.forbidden"), contract);
        assertThat(result.findings("dashboard.variable.label.forbidden")).hasSize(1);
        assertThat(result.ignored()).isEmpty();
    }

    @Test
    void aRuleWhoseInputIsMissingIsSkippedNamingIt() {
        // the old layout: no compose files, and lint not told to borrow the default stack's
        LintResult result = lint(SEED, LintRulesTest.EMBEDDED);
        assertThat(result.skipped()).containsEntry("compose.image.unpinned", "no compose files in the inputs")
                .containsEntry("prometheus.target.hostport", "no compose files to know the stack's services and ports")
                .containsEntry("grafana.provider.path.unmounted", "no compose files to know the stack's services and ports");
        assertThat(result.checked()).containsKeys("prometheus.job.duplicate", "dashboard.uid.missing");
        assertThat(result.findings()).noneMatch(f -> result.skipped().containsKey(f.rule().id()));
    }

    @Test
    void aContractWithoutGoldenQueriesSkipsTheirRule(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("team.yaml");
        Files.writeString(file, "apiVersion: peaktrade-obs/v1\n");
        LintResult result = lint(GOOD, LintRulesTest.LOADER.load(file));
        assertThat(result.skipped()).containsEntry("contract.query.unknown-metric", "no golden queries in the contract")
                .containsEntry("dashboard.query.unknown-metric", "no exporters in the contract");
        assertThat(result.findings()).as(LintRulesTest.describe(result)).isEmpty();
    }

    @Test
    void duringAUidMigrationTheOldUidIsKnownAsAnAlias(@TempDir Path dir) throws Exception {
        // the contract already names the new uid; the dashboards still use the old one
        String renamed = Files.readString(GOOD.resolve(Contract.FILE_NAME)).replace(
                "    - {uid: peaktrade-prometheus-local, name: prometheus-local, default: true}",
                "    - {uid: prom_local_9092, aliases: [peaktrade-prometheus-local], name: prometheus-local, default: true}")
                .replace("{name: DS_LOCAL, allowed: [peaktrade-prometheus-local]}", "{name: DS_LOCAL, allowed: [prom_local_9092]}");
        Files.writeString(dir.resolve("team.yaml"), renamed);
        LintResult result = lint(GOOD, LintRulesTest.LOADER.load(dir.resolve("team.yaml")));
        assertThat(result.findings()).as(LintRulesTest.describe(result)).isEmpty();

        Files.writeString(dir.resolve("team.yaml"), renamed.replace("aliases: [peaktrade-prometheus-local], ", ""));
        LintResult withoutAlias = lint(GOOD, LintRulesTest.LOADER.load(dir.resolve("team.yaml")));
        assertThat(withoutAlias.findings("dashboard.datasource.not-in-contract")).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo("grafana/dashboards/shadow/good.json:18"));
        assertThat(withoutAlias.findings("dashboard.datasource.variable.mismatch")).extracting(Finding::value)
                .contains("prom_local_9092", "peaktrade-prometheus-local");
    }

    @Test
    void aDashboardVariableDefaultingToAUidTheContractDoesNotAllowIsAMismatch(@TempDir Path dir) throws Exception {
        String other = Files.readString(GOOD.resolve(Contract.FILE_NAME)).replace(
                "{name: DS_LOCAL, allowed: [peaktrade-prometheus-local]}", "{name: DS_LOCAL, allowed: [peaktrade-prometheus-main]}");
        Files.writeString(dir.resolve("team.yaml"), other);
        LintResult result = lint(GOOD, LintRulesTest.LOADER.load(dir.resolve("team.yaml")));
        assertThat(result.findings("dashboard.datasource.variable.mismatch")).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("grafana/dashboards/shadow/good.json:18");
            assertThat(f.message()).contains("does not allow (allowed: peaktrade-prometheus-main)");
        });
    }

    @Test
    void everyRuleDeclaresTheInputsItReads() {
        assertThat(Rules.all()).allSatisfy(r -> assertThat(r.needs()).as(r.id()).isNotEmpty());
    }
}
