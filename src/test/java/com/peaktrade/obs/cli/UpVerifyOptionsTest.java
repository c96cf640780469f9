package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `up --verify`'s options: verify's part is checked before anything starts, and means nothing without --verify. */
class UpVerifyOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"--format=json", "--report=r.xml", "--budget=grafana.health=2m", "--no-wait",
        "--grafana-url=http://127.0.0.1:3000", "--prometheus-url=http://127.0.0.1:9092", "--verbose"})
    void anOptionOfTheVerifyPartWithoutVerifyIsAUsageErrorNamingVerify(String option) {
        CliRun run = CliRun.of("shadow", "up", option);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains(option.split("=")[0] + " applies to the verify part of up: add --verify");
        assertThat(run.out()).doesNotContain("shadow stack, project");
    }

    @Test
    void anUnknownFormatStopsUpVerifyBeforeTheStackStarts() {
        CliRun run = CliRun.of("shadow", "up", "--verify", "--format", "xml");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("unknown report format 'xml'", "lines, json, junit");
        assertThat(run.out()).doesNotContain("shadow stack, project");
    }

    @Test
    void aBadBudgetStopsUpVerifyBeforeTheStackStarts() {
        CliRun budget = CliRun.of("grafana", "up", "--verify", "--budget", "grafana.health=-5s");
        assertThat(budget.exitCode()).as(budget.toString()).isEqualTo(2);
        assertThat(budget.out()).doesNotContain("grafana stack, project");
        CliRun timeout = CliRun.of("grafana", "up", "--verify", "--timeout", "soon");
        assertThat(timeout.exitCode()).as(timeout.toString()).isEqualTo(2);
    }

    @Test
    void upsHelpExplainsVerifyAndTheOptionsOfItsVerifyPart() {
        CliRun help = CliRun.of("shadow", "up", "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--verify", "Then run this stack's verify in the same process",
                "the exit code is verify's", "--format=FORMAT", "--report=FILE", "--budget=ID=DURATION", "--no-wait",
                "--grafana-url=URL", "also the budget of every check");
    }

    @Test
    void aStackOfTheContractHasUpVerifyToo(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("compose"));
        Files.copy(Path.of("src/test/resources/contract/good/compose/prometheus-local.yaml"),
                dir.resolve("compose/prometheus-local.yaml"));
        Path contract = dir.resolve("team.yaml");
        Files.writeString(contract, """
                apiVersion: peaktrade-obs/v1
                stacks:
                  team:
                    project: team-obs
                    compose: [compose/prometheus-local.yaml]
                    services:
                      prometheus: {service: prometheus-local, port: 9090, host_port: 19092}
                """);
        CliRun help = CliRun.of("team", "up", "--help", "--contract", contract.toString());
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("--verify", "--format=FORMAT");
        CliRun withoutVerify = CliRun.of("team", "up", "--no-wait", "--contract", contract.toString());
        assertThat(withoutVerify.exitCode()).as(withoutVerify.toString()).isEqualTo(2);
        assertThat(withoutVerify.err()).contains("peaktrade-obs team verify");
    }
}
