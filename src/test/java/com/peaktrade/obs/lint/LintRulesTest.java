package com.peaktrade.obs.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractLoader;
import com.peaktrade.obs.error.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven like promtool's testdata: {@code lint/good} is one assets directory on which every
 * rule runs and finds nothing; {@code lint/bad/RULE_ID} is the same directory with one mistake that
 * RULE_ID must report; {@code lint/broken/CASE} has a file lint cannot read (exit 2).
 */
class LintRulesTest {
    static final Path FIXTURES = Path.of("src/test/resources/lint");

    static final ContractLoader LOADER = new ContractLoader(Rules.ids());
    static final Contract EMBEDDED = LOADER.loadEmbedded("test");

    /** A fixture is judged against its own peaktrade-obs.yaml, as lint does with an assets directory. */
    static LintResult lint(Path assets) {
        return new Linter().lint(new LintRequest(assets, List.of(), List.of(), null, Path.of(""), Map.of(), false,
                LOADER.loadFromAssets(assets, "fixture")));
    }

    static String describe(LintResult result) {
        return result.findings().stream().map(f -> f.rule().id() + " " + f.location() + " " + f.message())
                .collect(Collectors.joining("\n")) + "\nbroken: " + result.brokenInputs();
    }

    static Stream<String> ruleIds() {
        return Rules.all().stream().map(Rule::id);
    }

    @Test
    void goodAssetsHaveNoFindingsAndEveryRuleRuns() {
        LintResult result = lint(FIXTURES.resolve("good"));
        assertThat(result.findings()).as(describe(result)).isEmpty();
        assertThat(result.brokenInputs()).isEmpty();
        assertThat(result.checked().keySet()).as("rules that did not run: %s", result.skipped())
                .containsAll(ruleIds().toList());
    }

    @ParameterizedTest
    @MethodSource("ruleIds")
    void everyRuleReportsItsBadExample(String ruleId) {
        Path bad = FIXTURES.resolve("bad").resolve(ruleId);
        assertThat(bad).as("a bad example for " + ruleId).isDirectory();
        LintResult result = lint(bad);
        assertThat(result.brokenInputs()).as(describe(result)).isEmpty();
        List<Finding> findings = result.findings(ruleId);
        assertThat(findings).as(describe(result)).isNotEmpty();
        for (Finding f : findings) {
            assertThat(f.line()).as(f.toString()).isPositive();
            assertThat(f.value()).isNotNull();
            assertThat(f.message()).isNotBlank();
            assertThat(f.hint()).isNotBlank();
        }
        // one mistake, one rule: the others stay quiet (a few mistakes are caught twice on purpose)
        assertThat(result.findings().stream().map(f -> f.rule().id()).distinct().toList())
                .as(describe(result)).containsAnyOf(ruleId).hasSizeLessThanOrEqualTo(3);
    }

    static Stream<Path> brokenCases() throws Exception {
        try (Stream<Path> dirs = Files.list(FIXTURES.resolve("broken"))) {
            return dirs.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("brokenCases")
    void aBrokenInputIsNamedAndExitsTwoWhileTheRestIsStillLinted(Path dir) {
        LintResult result = lint(dir);
        assertThat(result.brokenInputs()).as(describe(result)).isNotEmpty();
        Findings.Broken broken = result.brokenInputs().get(0);
        assertThat(broken.file()).doesNotStartWith("/");
        assertThat(broken.message()).isNotBlank();
        Report report = LintReport.toReport(result, Rules.all(), false, Duration.ZERO, Instant.EPOCH);
        assertThat(LintReport.exitCode(result, report)).isEqualTo(ExitCodes.USAGE);
        assertThat(report.result(LintReport.INPUT_ID)).isPresent();
    }

    @Test
    void ourOwnAssetsHaveNoErrors() {
        LintResult result = new Linter().lint(LintRequest.ofAssets(Path.of("."), Path.of(""), EMBEDDED));
        assertThat(result.brokenInputs()).isEmpty();
        assertThat(result.findings().stream().filter(f -> f.rule().severity() == Severity.ERROR))
                .as(describe(result)).isEmpty();
        Report report = LintReport.toReport(result, Rules.all(), false, Duration.ZERO, Instant.EPOCH);
        assertThat(LintReport.exitCode(result, report)).isZero();
    }

    @Test
    void theUsersOriginalAssetsLintWithoutBrokenInputsAndShowTheirRealProblems() {
        LintResult result = new Linter().lint(LintRequest.ofAssets(FIXTURES.resolve("seed-original"), Path.of(""), EMBEDDED));
        assertThat(result.brokenInputs()).as(describe(result)).isEmpty();
        Map<String, Long> counts = result.findings().stream()
                .collect(Collectors.groupingBy(f -> f.rule().id(), Collectors.counting()));
        // datasources point at the host-mapped 9092 from inside the network
        assertThat(counts.get("grafana.datasource.url.hostport")).isEqualTo(4);
        // rule_files globs: nothing mounts /etc/prometheus/rules
        assertThat(counts.get("prometheus.rulefiles.nomatch")).isEqualTo(2);
        // the exporter scraped via host.docker.internal:9109 while it runs in the stack
        assertThat(counts.get("prometheus.target.hostport")).isEqualTo(1);
        // folder "Peak_Trade" ignored under foldersFromFilesStructure
        assertThat(counts.get("grafana.provider.folder.ignored")).isEqualTo(1);
        // the run_id variable and its uses
        assertThat(counts.get("dashboard.query.label.forbidden")).isEqualTo(25);
        assertThat(result.findings("dashboard.query.label.forbidden")).anyMatch(f -> f.message().contains("label_values()"));
        // judged against the embedded contract: the run_id variable itself
        assertThat(result.findings("dashboard.variable.label.forbidden")).singleElement()
                .satisfies(f -> assertThat(f.location())
                        .isEqualTo("grafana/dashboards/execution/peaktrade-execution-watch-overview.json:2297"));
        assertThat(result.notes()).anyMatch(n -> n.startsWith("contract: embedded default"));
        assertThat(counts.get("dashboard.datasource.variable.unused")).isEqualTo(5);
        assertThat(counts).containsKeys("dashboard.link.unknown-uid", "metric.name.double-total", "metric.name.unit",
                "dashboard.query.rate-interval");
        assertThat(result.skipped()).containsKey("compose.image.unpinned");
        Report report = LintReport.toReport(result, Rules.all(), false, Duration.ZERO, Instant.EPOCH);
        assertThat(LintReport.exitCode(result, report)).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void everyRuleHasADocsEntry() throws Exception {
        String docs = Files.readString(Path.of("docs/lint.md"));
        for (Rule rule : Rules.all()) {
            assertThat(docs).as(rule.id()).contains("`" + rule.id() + "`");
        }
    }
}
