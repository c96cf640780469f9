package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.error.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `contract check FILE` and `contract show`, through the real command line. */
class ContractCommandTest {
    private static final Path FIXTURES = Path.of("src/test/resources/contract");

    @Test
    void checkPrintsWhatAValidContractExpectsAndExitsZero() {
        CliRun run = CliRun.of("contract", "check", "peaktrade-obs.yaml");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("OK peaktrade-obs.yaml: a valid contract (peaktrade-obs/v1)\n")
                .contains("  prometheus.queries: 7 — up; scrape_samples; events_rate;")
                .contains("  grafana.datasources: 3 — peaktrade-prometheus-local default; peaktrade-prometheus-shadow; "
                        + "peaktrade-prometheus-main optional\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkSaysWhichSectionsExpectNothing() {
        CliRun run = CliRun.of("contract", "check", FIXTURES.resolve("good/empty-sections.yaml").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("  stacks: empty, nothing expected\n", "  prometheus.jobs: absent, nothing expected\n",
                "  grafana.datasources: empty, nothing expected\n");
    }

    @Test
    void checkListsEveryProblemWithFileAndLineAndExitsTwo() {
        String file = FIXTURES.resolve("bad/wrong-types.yaml").toString();
        CliRun run = CliRun.of("contract", "check", file);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: invalid contract " + file + " (3 problems):\n")
                .contains("  " + file + ":6: grafana.datasources[0].optional: expected true or false, got a string ('yes')\n")
                .contains("hint: fix the contract (format: docs/contract.md)")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void checkOfAMissingFileNamesItAndExitsTwo() {
        CliRun run = CliRun.of("contract", "check", "no-such-contract.yaml");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: invalid contract no-such-contract.yaml: does not exist\n");
    }

    @Test
    void showPrintsWhereTheContractCameFromThenTheFile(@TempDir Path dir) throws Exception {
        Path team = dir.resolve("team.yaml");
        Files.writeString(team, "apiVersion: peaktrade-obs/v1\nprometheus:\n  jobs: [metricsd]\n");
        CliRun run = CliRun.of("contract", "show", "--contract", team.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("# contract: --contract " + team + "\n")
                .contains("# prometheus.jobs: 1 — metricsd\n", "# grafana.dashboards: absent, nothing expected\n")
                .endsWith("---\napiVersion: peaktrade-obs/v1\nprometheus:\n  jobs: [metricsd]\n");
    }

    @Test
    void showWithoutAContractInTheAssetsShowsTheEmbeddedOne(@TempDir Path dir) throws Exception {
        for (String folder : new String[] {"compose", "prometheus", "grafana"}) {
            Files.createDirectories(dir.resolve(folder));
        }
        CliRun run = CliRun.of("contract", "show", "--assets-dir", dir.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("# contract: embedded default (no peaktrade-obs.yaml in " + dir.toAbsolutePath()
                + ", the assets directory from --assets-dir)\n").contains("\n---\n# The seed's contract");
    }

    @Test
    void contractWithoutASubcommandIsAUsageError() {
        CliRun run = CliRun.of("contract");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing command: pick one of [check, show, init]");
    }
}
