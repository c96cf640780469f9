package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.contract.ContractException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every stack of the contract is a command group; a contract that cannot be used stops the command with exit 2. */
class ContractStackCommandsTest {
    private static final Path GOOD = Path.of("src/test/resources/contract/good");

    /** A contract beside the good fixtures' compose files, defining stack {@code team}. */
    private static Path teamContract(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("compose"));
        for (String f : new String[] {"prometheus-local.yaml", "grafana.yaml", "exporter.yaml"}) {
            Files.copy(GOOD.resolve("compose").resolve(f), dir.resolve("compose").resolve(f));
        }
        Path contract = dir.resolve("team.yaml");
        Files.writeString(contract, """
                apiVersion: peaktrade-obs/v1
                stacks:
                  team:
                    description: "The team's own stack."
                    project: team-obs
                    compose: [compose/prometheus-local.yaml, compose/grafana.yaml]
                    services:
                      prometheus: {service: prometheus-local, port: 9090, host_port: 19092}
                      grafana: {service: grafana, port: 3000, host_port: 13000}
                """);
        return contract;
    }

    @Test
    void aStackOfTheContractIsACommandGroupWithUpVerifyDownAndStatus(@TempDir Path dir) throws Exception {
        Path contract = teamContract(dir);
        CliRun help = CliRun.of("team", "--help", "--contract", contract.toString());
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("The team's own stack.", "up", "verify", "down", "status");
        CliRun verifyHelp = CliRun.of("team", "verify", "--help", "--contract=" + contract);
        assertThat(verifyHelp.out()).contains("against the team stack", "--contract=FILE", "--prometheus-url");
        CliRun rootHelp = CliRun.of("--help", "--contract", contract.toString());
        assertThat(rootHelp.out()).contains("team", "shadow", "grafana");
    }

    @Test
    void debugCommandsTakeTheirStackFromTheContract(@TempDir Path dir) throws Exception {
        Path contract = teamContract(dir);
        Files.writeString(dir.resolve("compose/prometheus-local.yaml"), "services:\n  prometheus-local:\n    image: prom/prometheus\n");
        Files.writeString(dir.resolve("compose/grafana.yaml"), "services:\n  grafana:\n    image: grafana/grafana\n");
        CliRun config = CliRun.of("debug", "config", "--contract", contract.toString(), "--stack", "team");
        assertThat(config.exitCode()).as(config.toString()).isZero();
        assertThat(config.out()).startsWith("name: team-obs\n").contains("  grafana:", "  prometheus-local:");
        assertThat(config.err()).contains("# stack team, project team-obs, files [prometheus-local.yaml, grafana.yaml]");

        CliRun unknown = CliRun.of("debug", "health", "--contract", contract.toString(), "--stack", "shadow");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("no stack shadow in the contract (its stacks: team)");
    }

    @Test
    void completionOffersTheContractsStacks(@TempDir Path dir) throws Exception {
        Path contract = teamContract(dir);
        CliRun completion = CliRun.of("generate-completion", "--contract", contract.toString());
        assertThat(completion.out()).contains("team");
    }

    @Test
    void aBrokenContractNamingTheCommandsStackIsExit2WithFileAndLine(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "apiVersion: peaktrade-obs/v1\nstacks:\n  team:\n    project: 7\n    colour: blue\n");
        assertThatThrownBy(() -> Main.newCommandLine("team", "verify", "--contract", broken.toString()))
                .isInstanceOf(ContractException.class).hasMessageContaining(broken + ":");
        assertThat(Main.run("team", "verify", "--contract", broken.toString())).isEqualTo(2);
    }

    @Test
    void aBrokenContractGivenToABuiltInStackIsExit2WithFileAndLine(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "apiVersion: peaktrade-obs/v1\ngrafana:\n  datasources:\n    - name: x\n");
        CliRun run = CliRun.of("shadow", "verify", "--contract", broken.toString(), "--prometheus-url", "http://127.0.0.1:1");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(broken + ":4");
        assertThat(run.out()).doesNotContain("PASS|", "FAIL|");
    }

    @Test
    void aContractWithoutStacksServesVerifyWithUrlsAndSaysSoOtherwise(@TempDir Path dir) throws Exception {
        Path urlsOnly = dir.resolve("urls.yaml");
        Files.writeString(urlsOnly, "apiVersion: peaktrade-obs/v1\nprometheus:\n  jobs: []\n");
        CliRun withoutUrls = CliRun.of("shadow", "status", "--contract", urlsOnly.toString());
        assertThat(withoutUrls.exitCode()).as(withoutUrls.toString()).isEqualTo(2);
        assertThat(withoutUrls.err()).contains("defines no stack shadow (it defines no stacks at all)", "--prometheus-url");

        CliRun withUrls = CliRun.of("shadow", "verify", "--contract", urlsOnly.toString(), "--no-wait",
                "--prometheus-url", "http://127.0.0.1:1", "--grafana-url", "http://127.0.0.1:1");
        assertThat(withUrls.exitCode()).as(withUrls.toString()).isEqualTo(1);
        assertThat(withUrls.out()).contains("FAIL|prometheus.ready|",
                "INFO|contract|prometheus.jobs: empty at " + urlsOnly + ":3, nothing expected",
                "INFO|contract|prometheus.queries: absent in " + urlsOnly + ", nothing expected",
                "INFO|contract|exporters: absent in " + urlsOnly + ", nothing expected",
                "INFO|contract|grafana.datasources: absent in " + urlsOnly + ", nothing expected");
        assertThat(withUrls.out()).doesNotContain("prometheus.targets", "exporter.metrics", "grafana.datasources|");
    }

    @Test
    void aStackWhoseComposeFilesAreMissingIsExit2NamingThem(@TempDir Path dir) throws Exception {
        Path contract = teamContract(dir);
        Files.delete(dir.resolve("compose/grafana.yaml"));
        CliRun run = CliRun.of("shadow", "up", "--contract", contract.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("compose/grafana.yaml does not exist");
    }

    @Test
    void aContractWithoutTheBuiltInStackNamesItsOwnStacks(@TempDir Path dir) throws Exception {
        Path contract = teamContract(dir);
        CliRun run = CliRun.of("grafana", "status", "--contract", contract.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("defines no stack grafana (its stacks: team)");
    }
}
