package com.peaktrade.obs.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.testing.GrafanaApiSchema;
import com.peaktrade.obs.testing.SchemaShapedVariants;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The client's decoders against answers shaped by Grafana's API schemas (src/test/resources/grafana-api-schemas):
 * each example answer as Grafana writes it, the same answer with every field the schema does not require
 * removed, and with unknown fields added everywhere. All three must decode; unknown fields must change
 * nothing.
 */
class GrafanaClientSpecShapedAnswersTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String LOCAL = "peaktrade-prometheus-local";
    private final FixtureServer server = FixtureServer.start();
    private final GrafanaClient client = new GrafanaClient(server.uri(), "admin", "admin", TIMEOUT);

    @AfterEach
    void stop() {
        server.close();
    }

    /** One answer the client decodes: where it comes from, its schema and example, and what the client makes of it. */
    private record Answer(String call, String path, int status, String schema, String example,
            Function<GrafanaClient, Object> decoded) {
    }

    private static List<Answer> answers() {
        return List.of(
                new Answer("health", "/api/health", 200, "health.json", "health.json",
                        c -> view(c.health(), h -> Arrays.asList(h.httpStatus(), h.database(), h.version(), h.commit()))),
                new Answer("health while the database fails", "/api/health", 503, "health.json", "health-failing.json",
                        c -> view(c.health(), h -> Arrays.asList(h.httpStatus(), h.database(), h.version(), h.commit()))),
                new Answer("datasources", "/api/datasources", 200, "datasource-list.json", "datasource-list.json",
                        c -> c.datasources().value()),
                new Answer("checkAuth", "/api/access-control/user/permissions", 200, "user-permissions.json",
                        "user-permissions.json",
                        c -> view(c.checkAuth(), a -> List.of(a.identity().role(), a.identity().has("datasources:read")))),
                new Answer("checkAuth rejected", "/api/access-control/user/permissions", 401, "unauthorized.json", "unauthorized.json",
                        GrafanaClientSpecShapedAnswersTest::rejectedLogin),
                new Answer("datasource by uid", "/api/datasources/uid/" + LOCAL, 200, "datasource.json", "datasource.json",
                        c -> c.datasource(LOCAL).value()),
                new Answer("unknown datasource", "/api/datasources/uid/" + LOCAL, 404, "error-message.json",
                        "error-message.json", c -> c.datasource(LOCAL).value()),
                new Answer("datasource health OK", "/api/datasources/uid/" + LOCAL + "/health", 200,
                        "datasource-health.json", "datasource-health-ok.json", c -> health(c.datasourceHealth(LOCAL))),
                new Answer("datasource health ERROR", "/api/datasources/uid/" + LOCAL + "/health", 400,
                        "datasource-health.json", "datasource-health-error.json", c -> health(c.datasourceHealth(LOCAL))),
                new Answer("datasource health of an unknown uid", "/api/datasources/uid/" + LOCAL + "/health", 500,
                        "error-message.json", "error-message.json", c -> health(c.datasourceHealth(LOCAL))),
                new Answer("search", "/api/search", 200, "search-hits.json", "search-hits.json",
                        c -> c.search("dash-db", List.of()).value()),
                new Answer("dashboard by uid", "/api/dashboards/uid/x", 200, "dashboard.json", "dashboard.json",
                        c -> c.dashboard("x").value()),
                new Answer("unknown dashboard", "/api/dashboards/uid/x", 404, "error-message.json", "error-message.json",
                        c -> c.dashboard("x").value()),
                new Answer("folders", "/api/folders", 200, "folders.json", "folders.json", c -> c.folders().value()),
                new Answer("query", "/api/ds/query", 200, "ds-query.json", "ds-query.json", c -> frames(c.query(LOCAL, "up"))),
                new Answer("failed query", "/api/ds/query", 400, "ds-query.json", "ds-query-failed.json",
                        c -> frames(c.query(LOCAL, "sum())"))),
                new Answer("query of an unknown datasource", "/api/ds/query", 404, "error-message.json",
                        "error-message.json", c -> frames(c.query(LOCAL, "up"))));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleAnswerConformsToItsSchema() {
        return answers().stream().map(a -> DynamicTest.dynamicTest(a.call() + " (" + a.example() + ")", () ->
                assertThat(GrafanaApiSchema.named(a.schema()).problems(GrafanaApiSchema.example(a.example()))).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyAnswerStillDecodesWithoutItsOptionalFields() {
        return answers().stream().map(a -> DynamicTest.dynamicTest(a.call(), () -> {
            GrafanaApiSchema schema = GrafanaApiSchema.named(a.schema());
            JsonNode terse = SchemaShapedVariants.withoutOptionalFields(schema, GrafanaApiSchema.example(a.example()));
            assertThat(schema.problems(terse)).as("the terse variant still conforms: " + terse).isEmpty();
            serve(a, terse);
            assertThatCode(() -> a.decoded().apply(client)).as(terse.toString()).doesNotThrowAnyException();
        }));
    }

    @TestFactory
    Stream<DynamicTest> unknownFieldsEverywhereChangeNothing() {
        // the permissions answer is a map from action to scopes: it has no unknown fields, every key is an action
        return answers().stream().filter(a -> !a.schema().equals("user-permissions.json")).map(a -> DynamicTest.dynamicTest(a.call(), () -> {
            GrafanaApiSchema schema = GrafanaApiSchema.named(a.schema());
            JsonNode example = GrafanaApiSchema.example(a.example());
            JsonNode newer = SchemaShapedVariants.withUnknownFields(schema, example);
            assertThat(schema.problems(newer)).as("the newer variant still conforms").isEmpty();
            assertThat(newer.toString()).contains(SchemaShapedVariants.UNKNOWN_FIELD);
            serve(a, example);
            Object asWritten = a.decoded().apply(client);
            serve(a, newer);
            assertThat(a.decoded().apply(client)).isEqualTo(asWritten);
        }));
    }

    // ---- what the terse answers mean to a user of the client ----

    @Test
    void aHealthAnswerWithOnlyTheDatabaseHasNoVersion() {
        serveTerse("health.json", "health.json", "/api/health", 200);

        GrafanaHealth health = client.health();

        assertThat(health.ok()).isTrue();
        assertThat(health.version()).isNull();
        assertThat(health.commit()).isNull();
    }

    @Test
    void aDataSourceWithoutJsonDataHasAnEmptyOne() {
        serveTerse("datasource-list.json", "datasource-list.json", "/api/datasources", 200);

        List<Datasource> datasources = client.datasources().value();

        assertThat(datasources).extracting(Datasource::uid)
                .containsExactly(LOCAL, "peaktrade-prometheus-shadow");
        assertThat(datasources.get(0).jsonData()).isEmpty();
        assertThat(datasources.get(0).isDefault()).isTrue();
    }

    @Test
    void searchHitsWithoutFolderFieldsAreInGeneral() {
        serveTerse("search-hits.json", "search-hits.json", "/api/search", 200);

        List<SearchHit> hits = client.search("dash-db", List.of()).value();

        assertThat(hits).extracting(SearchHit::folderTitle).containsExactly("General", "General");
        assertThat(hits).extracting(SearchHit::folderUid).containsOnlyNulls();
        assertThat(hits.get(0).tags()).containsExactly("peak_trade", "observability");
    }

    @Test
    void aDashboardWithoutTemplatingAndPanelsHasNoVariablesAndNoPanels() {
        serveTerse("dashboard.json", "dashboard.json", "/api/dashboards/uid/x", 200);

        DashboardDetail d = client.dashboard("x").value().orElseThrow();

        assertThat(d.version()).isEqualTo(3);
        assertThat(d.uid()).isNull();
        assertThat(d.variables()).isEmpty();
        assertThat(d.panels()).isEmpty();
        assertThat(d.folderTitle()).isEqualTo("shadow");
        assertThat(d.provisioned()).isTrue();
    }

    @Test
    void aQueryResultWithoutFramesIsAnAnswerWithoutData() {
        serveTerse("ds-query.json", "ds-query.json", "/api/ds/query", 200);

        FrameResult result = client.query(LOCAL, "up");

        assertThat(result.ok()).isTrue();
        assertThat(result.series()).isEmpty();
        assertThat(result.hasData()).isFalse();
    }

    @Test
    void aDataSourceHealthWithoutDetailsIsStillOk() {
        serveTerse("datasource-health.json", "datasource-health-ok.json", "/api/datasources/uid/" + LOCAL + "/health", 200);

        assertThat(client.datasourceHealth(LOCAL).ok()).isTrue();
    }

    @Test
    void aRejectedLoginWithoutExtraAndTraceIdKeepsGrafanasMessageId() {
        serveTerse("unauthorized.json", "unauthorized.json", "/api/access-control/user/permissions", 401);

        assertThat(rejectedLogin(client)).isEqualTo(List.of(HttpFailure.Kind.UNAUTHORIZED, 401,
                "password-auth.failed", "Invalid username or password"));
    }

    // ---- helpers ----

    private void serve(Answer a, JsonNode body) {
        server.on(a.path(), FixtureServer.json(a.status(), body.toString()));
    }

    private void serveTerse(String schema, String example, String path, int status) {
        JsonNode terse = SchemaShapedVariants.withoutOptionalFields(GrafanaApiSchema.named(schema),
                GrafanaApiSchema.example(example));
        server.on(path, FixtureServer.json(status, terse.toString()));
    }

    private static Object rejectedLogin(GrafanaClient c) {
        try {
            c.checkAuth();
            return "accepted";
        } catch (HttpFailure f) {
            return List.of(f.kind(), f.status(), f.messageId(), f.serverMessage());
        }
    }

    /** A decoded answer without its latency (which differs between two calls). */
    private static <T> Object view(T decoded, Function<T, List<?>> parts) {
        return parts.apply(decoded);
    }

    private static Object health(DatasourceHealth h) {
        return Arrays.asList(h.httpStatus(), h.status(), h.message(), h.ok());
    }

    private static Object frames(FrameResult r) {
        return Arrays.asList(r.httpStatus(), r.series(), r.error(), Map.of("ok", r.ok()));
    }
}
