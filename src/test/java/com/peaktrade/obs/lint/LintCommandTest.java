package com.peaktrade.obs.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.peaktrade.obs.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The real command line: exit codes, formats, selection, and no stack traces. */
class LintCommandTest {
    static final String GOOD = "src/test/resources/lint/good";
    static final String SEED = "src/test/resources/lint/seed-original";

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    static Run run(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "lint";
        full[1] = "--color=never";
        System.arraycopy(args, 0, full, 2, args.length);
        CommandLine cli = Main.newCommandLine(full);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(full);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void goodAssetsPassWithExitZero() {
        Run run = run("--assets-dir", GOOD);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("PASS|lint.inputs|").contains("PASS|compose.image.unpinned|no findings")
                .endsWith("RESULT=PASS\n");
    }

    @Test
    void theUsersOriginalsFailWithFileLineValueAndHint() {
        Run run = run("--assets-dir", SEED);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL|grafana.datasource.url.hostport|grafana/provisioning/datasources/datasources.prometheus-local.yaml:8: "
                        + "datasource prometheus-local url http://host.docker.internal:9092: port 9092 is the host port")
                .contains("NEXT|inside the Docker network use SERVICE:CONTAINER_PORT, e.g. http://prometheus-local:9090")
                .contains("EVIDENCE|grafana.datasource.url.hostport|value: http://host.docker.internal:9092")
                .contains("SKIP|compose.image.unpinned|skipped: no compose files in the inputs")
                .contains("WARN|grafana.provider.folder.ignored|grafana/provisioning/dashboards/dashboards.yaml:6:")
                .endsWith("RESULT=FAIL\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void warningsPassUnlessStrict() {
        String bad = "src/test/resources/lint/bad/dashboard.query.rate-interval";
        Run lenient = run("--assets-dir", bad);
        Run strict = run("--assets-dir", bad, "--strict");
        assertThat(lenient.exitCode()).as(lenient.toString()).isZero();
        assertThat(lenient.out()).contains("WARN|dashboard.query.rate-interval|");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
        assertThat(strict.out()).contains("FAIL|dashboard.query.rate-interval|");
    }

    @Test
    void ruleAndSkipSelect() {
        Run only = run("--assets-dir", SEED, "--rule", "prometheus.*");
        assertThat(only.out().lines().filter(l -> !l.startsWith("EVIDENCE") && !l.startsWith("NEXT")
                && !l.startsWith("INFO") && !l.startsWith("RESULT"))
                .map(l -> l.split("\\|")[1]).distinct())
                .allMatch(id -> id.equals("lint.inputs") || id.startsWith("prometheus."));
        Run skipped = run("--assets-dir", SEED, "--skip", "dashboard.query.label.forbidden");
        assertThat(skipped.out()).doesNotContain("|dashboard.query.label.forbidden|");
    }

    @Test
    void anUnknownRuleIdExitsTwoListingTheValidOnes() {
        Run run = run("--rule", "compose.image.latest");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("unknown rule id for --rule: compose.image.latest")
                .contains("compose.image.unpinned").doesNotContain("at com.");
    }

    @Test
    void aMissingAssetsDirExitsTwoWithoutATrace() {
        Run run = run("--assets-dir", "does/not/exist");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--assets-dir does/not/exist does not exist").doesNotContain("Exception");
    }

    @Test
    void aBrokenDashboardExitsTwoButTheRestIsReported() {
        Run run = run("--assets-dir", "src/test/resources/lint/broken/dashboard-invalid-json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).contains("FAIL|lint.input|grafana/dashboards/shadow/good.json:")
                .contains("PASS|prometheus.job.duplicate|");
        assertThat(run.err()).contains("1 input(s) could not be read");
    }

    @Test
    void jsonAndJunitFormatsAndAReportFile(@TempDir Path tmp) throws Exception {
        Run json = run("--assets-dir", SEED, "--format", "json", "--report", tmp.resolve("lint.xml").toString());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.toString()).contains("grafana.datasource.url.hostport");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(Files.readString(tmp.resolve("lint.xml"))).contains("<testsuite").contains("prometheus.rulefiles.nomatch");
        Run junit = run("--assets-dir", GOOD, "--format", "junit");
        assertThat(junit.out()).contains("<testsuite");
    }

    @Test
    void explicitPartsLintOnlyThose() {
        Run run = run("--prometheus", SEED + "/prometheus/PROMETHEUS_LOCAL_SCRAPE.yml");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL|prometheus.rulefiles.nomatch|")
                .contains("SKIP|dashboard.uid.missing|skipped: no dashboards");
    }

    @Test
    void aBrokenContractExitsTwoWithFileAndLineBeforeLinting(@TempDir Path dir) throws Exception {
        Path contract = dir.resolve("team.yaml");
        Files.writeString(contract, "apiVersion: peaktrade-obs/v1\ngrafana:\n  dashbords: []\n");
        Run run = run("--assets-dir", GOOD, "--contract", contract.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("team.yaml:3: unknown key 'dashbords'").doesNotContain("Exception");
        assertThat(run.out()).doesNotContain("lint.inputs");
    }

    @Test
    void theContractOptionReplacesTheAssetsContract(@TempDir Path dir) throws Exception {
        Path contract = dir.resolve("team.yaml");
        Files.writeString(contract, Files.readString(Path.of(GOOD, "peaktrade-obs.yaml"))
                + "\nlint:\n  severity:\n    dashboard.query.rate-interval: error\n");
        String bad = "src/test/resources/lint/bad/dashboard.query.rate-interval";
        Run own = run("--assets-dir", bad);
        Run team = run("--assets-dir", bad, "--contract", contract.toString());
        assertThat(own.exitCode()).as(own.toString()).isZero();
        assertThat(own.out()).contains("contract: " + Path.of(bad).toAbsolutePath().normalize().resolve("peaktrade-obs.yaml"));
        assertThat(team.exitCode()).as(team.toString()).isEqualTo(1);
        assertThat(team.out()).contains("contract: --contract " + contract)
                .contains("FAIL|dashboard.query.rate-interval|");
    }

    @Test
    void anAssetsDirectoryWithoutItsOwnContractIsJudgedAgainstTheEmbeddedOne() {
        Run run = run("--assets-dir", SEED);
        assertThat(run.out()).contains("contract: embedded default (no peaktrade-obs.yaml in ")
                .contains("FAIL|dashboard.variable.label.forbidden|grafana/dashboards/execution/"
                        + "peaktrade-execution-watch-overview.json:2297:");
    }
}
