package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Verify's option errors: exit 2 before any check runs; URL-only verify needs no engine. */
class VerifyCommandTest {
    private static final String[] DEAD_URLS = {"--prometheus-url", "http://127.0.0.1:1", "--grafana-url", "http://127.0.0.1:1",
        "--exporter-url", "http://127.0.0.1:1/metrics"};

    private static CliRun verify(String... extra) {
        String[] args = new String[2 + DEAD_URLS.length + extra.length];
        args[0] = "shadow";
        args[1] = "verify";
        System.arraycopy(DEAD_URLS, 0, args, 2, DEAD_URLS.length);
        System.arraycopy(extra, 0, args, 2 + DEAD_URLS.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void unknownFormatIsAConfigurationErrorNamingTheValidOnes() {
        CliRun run = verify("--format", "xml");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("unknown report format 'xml'", "lines, json, junit");
    }

    @Test
    void budgetForAnUnknownCheckIsAConfigurationError() {
        CliRun run = verify("--budget", "grafana.helth=10s");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("grafana.helth");
    }

    @Test
    void negativeOrMalformedTimeoutIsAConfigurationError() {
        assertThat(verify("--timeout", "-5s").exitCode()).isEqualTo(2);
        assertThat(verify("--timeout", "soon").exitCode()).isEqualTo(2);
    }

    @Test
    void urlOnlyVerifyOfADeadStackFailsEveryCheckFastWithoutDockerAndExits1() {
        CliRun run = verify("--no-wait");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("docker.daemon")
                .contains("FAIL|prometheus.ready|", "FAIL|exporter.metrics|", "FAIL|grafana.health|")
                .endsWith("RESULT=FAIL\n");
    }

    @Test
    void malformedUrlIsAConfigurationError() {
        CliRun run = CliRun.of("grafana", "verify", "--grafana-url", "localhost:3000");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--grafana-url: invalid URL 'localhost:3000'");
    }
}
