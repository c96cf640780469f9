package com.peaktrade.obs.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonReporterTest {
    private static final JsonReporter.Tool TOOL = new JsonReporter.Tool("peaktrade-obs", "1.2.3", "abc1234");

    private static JsonNode json(Report report) throws Exception {
        return new ObjectMapper().readTree(Fixtures.render(new JsonReporter(TOOL), report));
    }

    @Test
    void theDocumentCarriesToolVerdictTimesAndSummary() throws Exception {
        JsonNode doc = json(Fixtures.mixed());
        assertThat(doc.at("/tool/name").asText()).isEqualTo("peaktrade-obs");
        assertThat(doc.at("/tool/version").asText()).isEqualTo("1.2.3");
        assertThat(doc.at("/tool/commit").asText()).isEqualTo("abc1234");
        assertThat(doc.get("suite").asText()).isEqualTo("shadow");
        assertThat(doc.get("result").asText()).isEqualTo("FAIL");
        assertThat(doc.get("exitCode").asInt()).isEqualTo(1);
        assertThat(doc.get("startedAt").asText()).isEqualTo("2024-05-01T12:00:00.250Z");
        assertThat(doc.get("wallTimeMs").asLong()).isEqualTo(450);
        assertThat(doc.get("checkTimeMsTotal").asLong()).isEqualTo(600);
        assertThat(doc.get("summary").toString()).isEqualTo("{\"pass\":1,\"fail\":1,\"warn\":1,\"skip\":1}");
    }

    @Test
    void everyCheckAppearsInOrderWithAllItsFields() throws Exception {
        JsonNode checks = json(Fixtures.mixed()).get("checks");
        assertThat(checks).hasSize(4);
        assertThat(checks.findValuesAsText("id"))
                .containsExactly("prometheus.ready", "grafana.auth", "grafana.datasource.health", "grafana.datasources");
        JsonNode failed = checks.get(1);
        assertThat(failed.get("status").asText()).isEqualTo("FAIL");
        assertThat(failed.get("message").asText()).isEqualTo("basic auth rejected (401)");
        assertThat(failed.get("hint").asText()).isEqualTo("check GRAFANA_AUTH, or a stale Grafana volume");
        assertThat(failed.get("evidence")).extracting(JsonNode::asText)
                .containsExactly("GET http://localhost:3000/api/user -> 401", "1 attempt (no retry after 401)");
        assertThat(failed.get("durationMs").asLong()).isEqualTo(300);
        JsonNode passed = checks.get(0);
        assertThat(passed.get("hint").isNull()).as("hint is null when none").isTrue();
        JsonNode skipped = checks.get(3);
        assertThat(skipped.get("evidence").isArray()).isTrue();
        assertThat(skipped.get("evidence")).isEmpty();
    }

    @Test
    void aPassingReportSaysPassAndExitCodeZero() throws Exception {
        JsonNode doc = json(Fixtures.report(Fixtures.pass("a", "ok"), Fixtures.warn("b", "meh", null)));
        assertThat(doc.get("result").asText()).isEqualTo("PASS");
        assertThat(doc.get("exitCode").asInt()).isZero();
    }

    @Test
    void theWriterStaysOpenAndTheDocumentEndsWithANewline() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        new JsonReporter(TOOL).write(Fixtures.mixed(), out);
        out.print("after");
        out.flush();
        assertThat(out.checkError()).isFalse();
        assertThat(text.toString()).startsWith("{\n").endsWith("}\nafter");
    }

    @Test
    void theDefaultToolIsPeaktradeObsWithSomeVersion() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(Fixtures.render(Reporters.byName("json"), Fixtures.mixed()));
        assertThat(doc.at("/tool/name").asText()).isEqualTo("peaktrade-obs");
        assertThat(doc.at("/tool/version").asText()).isNotBlank();
        assertThat(doc.at("/tool/commit").asText()).isNotBlank();
    }
}
