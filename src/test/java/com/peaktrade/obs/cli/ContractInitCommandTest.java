package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.error.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `contract init`, through the real command line. */
class ContractInitCommandTest {
    private static final String ORIGINAL = "src/test/resources/contract-init/original-assets";

    @Test
    void withoutOutputTheDraftGoesToStdout() {
        CliRun run = CliRun.of("contract", "init", "--from-assets", ORIGINAL);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("# DRAFT written by `peaktrade-obs contract init`: REVIEW IT")
                .contains("apiVersion: peaktrade-obs/v1\n", "- {name: mode, kind: custom, query: \"shadow,live\"}");
    }

    @Test
    void outputWritesAContractThatContractCheckAccepts(@TempDir Path dir) {
        Path file = dir.resolve("peaktrade-obs.yaml");
        CliRun run = CliRun.of("contract", "init", "--from-assets", ".", "-o", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("wrote " + file + ": a DRAFT contract, review it\n")
                .contains("  grafana.dashboards: 4 — ", "next: edit it, then `peaktrade-obs contract check " + file + "`");
        CliRun check = CliRun.of("contract", "check", file.toString());
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void anExistingFileIsNeverOverwrittenWithoutForceAndKeptAsBakWithIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("peaktrade-obs.yaml");
        Files.writeString(file, "# the team's own, hand-edited\n");

        CliRun refused = CliRun.of("contract", "init", "--from-assets", ORIGINAL, "-o", file.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).startsWith("error: -o " + file + " exists: not overwritten").contains("--force")
                .doesNotContain("Exception");
        assertThat(Files.readString(file)).isEqualTo("# the team's own, hand-edited\n");

        CliRun forced = CliRun.of("contract", "init", "--from-assets", ORIGINAL, "-o", file.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(dir.resolve("peaktrade-obs.yaml.bak"))).isEqualTo("# the team's own, hand-edited\n");
        assertThat(Files.readString(file)).startsWith("# DRAFT");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("peaktrade-obs.yaml", "peaktrade-obs.yaml.bak");
        }
    }

    @Test
    void fromRunningWithoutAProjectOrUrlsIsAUsageError() {
        CliRun run = CliRun.of("contract", "init", "--from-running");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: --from-running needs -p NAME or --prometheus-url/--grafana-url/--exporter-url");
    }

    @Test
    void nothingToReadIsAUsageErrorThatSaysWhatToGive() {
        CliRun run = CliRun.of("contract", "init");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--from-assets DIR and/or --from-running");
    }

    @Test
    void anUnreachablePrometheusIsAnEnvironmentErrorNotAStackTrace() {
        CliRun run = CliRun.of("contract", "init", "--prometheus-url", "http://127.0.0.1:1");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err()).startsWith("error: GET http://127.0.0.1:1/api/v1/targets?state=active: connection refused")
                .doesNotContain("\tat ");
    }

    @Test
    void aProjectThatIsNotRunningIsAnEnvironmentErrorThatSaysSo() {
        CliRun run = CliRun.of("contract", "init", "-p", "peaktrade-obs-init-test-no-such-project");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        // with the engine up: the project publishes nothing; without it: the engine is unreachable
        assertThat(run.err()).containsAnyOf("error: project peaktrade-obs-init-test-no-such-project publishes no Prometheus",
                "Docker").doesNotContain("\tat ");
    }

    @Test
    void helpExplainsBothSourcesAndWhatBecomesOptional() {
        CliRun run = CliRun.of("contract", "init", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--from-assets", "--from-running", "-p, --project-name", "--force", "legacy_disabled",
                "optional: true", "custom list stays a custom list");
    }
}
