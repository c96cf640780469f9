package com.peaktrade.obs.check;

import static com.peaktrade.obs.check.Fixtures.fail;
import static com.peaktrade.obs.check.Fixtures.pass;
import static com.peaktrade.obs.check.Fixtures.render;
import static com.peaktrade.obs.check.Fixtures.report;
import static com.peaktrade.obs.check.Fixtures.skip;
import static com.peaktrade.obs.check.Fixtures.warn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Help.Ansi;

class LinesReporterTest {
    private static final String SUMMARY_ONE = "INFO|summary|%s in 0.5 s (checks took %s s in total)\n";

    static Stream<Arguments> oneResultEach() {
        return Stream.of(
                Arguments.of(pass("prometheus.ready", "/-/ready 200", "GET /-/ready -> 200"),
                        "PASS|prometheus.ready|/-/ready 200\n"
                        + SUMMARY_ONE.formatted("1 passed, 0 failed, 0 warned, 0 skipped", "0.1")
                        + "RESULT=PASS\n"),
                Arguments.of(fail("grafana.auth", "basic auth rejected (401)", "check GRAFANA_AUTH", "GET /api/user -> 401", "1 attempt"),
                        "FAIL|grafana.auth|basic auth rejected (401)\n"
                        + "NEXT|check GRAFANA_AUTH\n"
                        + "EVIDENCE|grafana.auth|GET /api/user -> 401\n"
                        + "EVIDENCE|grafana.auth|1 attempt\n"
                        + SUMMARY_ONE.formatted("0 passed, 1 failed, 0 warned, 0 skipped", "0.3")
                        + "RESULT=FAIL\n"),
                Arguments.of(warn("grafana.datasource.health", "main unreachable", "start main", "uid main: refused"),
                        "WARN|grafana.datasource.health|main unreachable\n"
                        + "NEXT|start main\n"
                        + "EVIDENCE|grafana.datasource.health|uid main: refused\n"
                        + SUMMARY_ONE.formatted("0 passed, 0 failed, 1 warned, 0 skipped", "0.2")
                        + "RESULT=PASS\n"),
                Arguments.of(warn("grafana.query", "slow answer", null),
                        "WARN|grafana.query|slow answer\n"
                        + SUMMARY_ONE.formatted("0 passed, 0 failed, 1 warned, 0 skipped", "0.2")
                        + "RESULT=PASS\n"),
                Arguments.of(skip("grafana.datasources", "skipped: grafana.auth failed"),
                        "SKIP|grafana.datasources|skipped: grafana.auth failed\n"
                        + SUMMARY_ONE.formatted("0 passed, 0 failed, 0 warned, 1 skipped", "0.0")
                        + "RESULT=PASS\n"));
    }

    @ParameterizedTest
    @MethodSource("oneResultEach")
    void eachStatusWritesItsExactLines(Result result, String expected) {
        assertThat(render(Reporters.byName("lines"), report(result))).isEqualTo(expected);
    }

    @Test
    void aMixedReportKeepsTheGivenOrderAndEndsWithTheVerdict() {
        assertThat(render(Reporters.byName("lines"), Fixtures.mixed())).isEqualTo("""
                PASS|prometheus.ready|/-/ready 200
                FAIL|grafana.auth|basic auth rejected (401)
                NEXT|check GRAFANA_AUTH, or a stale Grafana volume
                EVIDENCE|grafana.auth|GET http://localhost:3000/api/user -> 401
                EVIDENCE|grafana.auth|1 attempt (no retry after 401)
                WARN|grafana.datasource.health|main datasource unreachable
                NEXT|start the main Prometheus
                EVIDENCE|grafana.datasource.health|uid peaktrade-prometheus-main: Post "http://host.docker.internal:9090": refused
                SKIP|grafana.datasources|skipped: grafana.auth failed
                INFO|summary|1 passed, 1 failed, 1 warned, 1 skipped in 0.5 s (checks took 0.6 s in total)
                RESULT=FAIL
                """);
    }

    @Test
    void verboseAddsEvidenceAfterPassingResultsToo() {
        String text = render(new LinesReporter(Ansi.OFF, true), report(pass("prometheus.ready", "/-/ready 200", "GET /-/ready -> 200")));
        assertThat(text).startsWith("PASS|prometheus.ready|/-/ready 200\nEVIDENCE|prometheus.ready|GET /-/ready -> 200\nINFO|");
    }

    @Test
    void lineBreaksInsideAFieldBecomeSpacesSoEveryLineStaysGreppable() {
        String text = render(Reporters.byName("lines"),
                report(fail("exporter.metrics", "bad body:\n<html>\r\n  error", "restart\nthe exporter", "line one\nline two")));
        assertThat(text).startsWith("""
                FAIL|exporter.metrics|bad body: <html> error
                NEXT|restart the exporter
                EVIDENCE|exporter.metrics|line one line two
                """);
    }

    @Test
    void colourMarksOnlyTheStatusWord() {
        String text = render(Reporters.byName("lines", Ansi.ON, false), Fixtures.mixed());
        assertThat(text)
                .contains(Ansi.ON.string("@|green PASS|@") + "|prometheus.ready|/-/ready 200\n")
                .contains(Ansi.ON.string("@|red FAIL|@") + "|grafana.auth|")
                .contains(Ansi.ON.string("@|yellow WARN|@") + "|grafana.datasource.health|")
                .contains(Ansi.ON.string("@|faint SKIP|@") + "|grafana.datasources|")
                .contains("\nNEXT|check GRAFANA_AUTH, or a stale Grafana volume\n")
                .endsWith("\nRESULT=FAIL\n");
        assertThat(Ansi.ON.string("@|red FAIL|@")).isNotEqualTo("FAIL");
    }

    @Test
    void colourOffIsByteIdenticalToThePlainFormat() {
        assertThat(render(Reporters.byName("lines", Ansi.OFF, false), Fixtures.mixed()))
                .isEqualTo(render(Reporters.byName("lines"), Fixtures.mixed()));
    }

    @Test
    void anEmptyReportPasses() {
        assertThat(render(Reporters.byName("lines"), report())).isEqualTo(
                SUMMARY_ONE.formatted("0 passed, 0 failed, 0 warned, 0 skipped", "0.0") + "RESULT=PASS\n");
    }
}
