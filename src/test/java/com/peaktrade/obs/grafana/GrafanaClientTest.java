package com.peaktrade.obs.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.http.Hostile;
import com.peaktrade.obs.http.HostileTable;
import com.peaktrade.obs.http.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrafanaClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2); // generous: a loaded CI machine must not turn a bad answer into a timeout
    private static final String PASSWORD = "Gr4fana-s3cret";
    private static final String ENCODED = Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final FixtureServer server = FixtureServer.start();
    private final GrafanaClient client = new GrafanaClient(server.uri(), "admin", PASSWORD, TIMEOUT);

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- §1 health ----

    @Test
    void healthIsAskedWithoutCredentialsAndDecoded() {
        server.on("/api/health", FixtureServer.json(200,
                "{\n  \"database\": \"ok\",\n  \"version\": \"12.4.5\",\n  \"commit\": \"4a2bc51\"\n}"));

        GrafanaHealth health = client.health();

        assertThat(health.ok()).isTrue();
        assertThat(health.httpStatus()).isEqualTo(200);
        assertThat(health.database()).isEqualTo("ok");
        assertThat(health.version()).isEqualTo("12.4.5");
        assertThat(health.commit()).isEqualTo("4a2bc51");
        assertThat(health.latency()).isPositive();
        assertThat(server.requests().get(0).authorization()).isNull();
    }

    @Test
    void aFailingDatabaseIs503AndAnAnswer() {
        server.on("/api/health", FixtureServer.json(503,
                "{\n  \"database\": \"failing\",\n  \"version\": \"12.4.5\",\n  \"commit\": \"4a2bc51\"\n}"));

        GrafanaHealth health = client.health();

        assertThat(health.ok()).isFalse();
        assertThat(health.httpStatus()).isEqualTo(503);
        assertThat(health.database()).isEqualTo("failing");
    }

    @Test
    void aHiddenVersionIsNull() {
        server.on("/api/health", FixtureServer.json(200, "{\n  \"database\": \"ok\"\n}"));

        GrafanaHealth health = client.health();

        assertThat(health.version()).isNull();
        assertThat(health.commit()).isNull();
    }

    // ---- §2 auth ----

    @Test
    void aRejectedLoginIsUnauthorizedWithGrafanasMessageAndIsNotRetried() {
        server.on("/api/access-control/user/permissions", FixtureServer.json(401, "{\"extra\":null,\"message\":\"Invalid username or password\","
                + "\"messageId\":\"password-auth.failed\",\"statusCode\":401,\"traceID\":\"\"}"));

        HttpFailure failure = catchThrowableOfType(client::checkAuth, HttpFailure.class);

        assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.UNAUTHORIZED);
        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.serverMessage()).isEqualTo("Invalid username or password");
        assertThat(failure.messageId()).isEqualTo("password-auth.failed");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("GET " + server.uri()
                + "/api/access-control/user/permissions: HTTP 401 unauthorized: Invalid username or password (password-auth.failed)");
        assertThat(server.requests()).hasSize(1);
        assertNoSecret(failure.getMessage(), failure.toString(), failure.bodyExcerpt());
    }

    @Test
    void missingCredentialsAreUnauthorizedToo() {
        server.on("/api/access-control/user/permissions", FixtureServer.json(401, "{\"extra\":null,\"message\":\"Unauthorized\","
                + "\"messageId\":\"auth.unauthorized\",\"statusCode\":401,\"traceID\":\"\"}"));
        GrafanaClient anonymous = new GrafanaClient(server.uri(), null, null, TIMEOUT);

        HttpFailure failure = catchThrowableOfType(anonymous::checkAuth, HttpFailure.class);

        assertThat(failure.messageId()).isEqualTo("auth.unauthorized");
        assertThat(server.requests().get(0).authorization()).isNull();
    }

    @Test
    void acceptedCredentialsAreOneBasicAuthHeader() {
        server.on("/api/access-control/user/permissions", FixtureServer.json(200,
                "{\"datasources:read\":[\"datasources:*\"],\"orgs:read\":[]}"));

        AuthCheck auth = client.checkAuth();

        assertThat(auth.identity().describe()).isEqualTo("admin (user, role Viewer)");
        assertThat(auth.identity().has("datasources:read")).isTrue();
        assertThat(server.requests().get(0).authorization()).isEqualTo("Basic " + ENCODED);
        assertNoSecret(auth.toString(), client.toString());
    }

    // ---- §3 data sources ----

    static final String DATASOURCES = "[{\"id\":3,\"uid\":\"peaktrade-prometheus-local\",\"orgId\":1,\"name\":\"prometheus-local\","
            + "\"type\":\"prometheus\",\"typeName\":\"Prometheus\",\"typeLogoUrl\":\"public/app/plugins/datasource/prometheus/img/prometheus_logo.svg\","
            + "\"access\":\"proxy\",\"url\":\"http://prometheus-local:9090\",\"user\":\"\",\"database\":\"\",\"basicAuth\":false,"
            + "\"isDefault\":true,\"jsonData\":{\"httpMethod\":\"POST\",\"timeInterval\":\"5s\"},\"readOnly\":true},"
            + "{\"id\":2,\"uid\":\"peaktrade-prometheus-main\",\"orgId\":1,\"name\":\"prometheus-main\",\"type\":\"prometheus\","
            + "\"typeName\":\"Prometheus\",\"typeLogoUrl\":\"\",\"access\":\"proxy\",\"url\":\"http://host.docker.internal:9090\","
            + "\"user\":\"\",\"database\":\"\",\"basicAuth\":false,\"isDefault\":false,\"jsonData\":{},\"readOnly\":true},"
            + "{\"id\":1,\"uid\":\"peaktrade-prometheus-shadow\",\"orgId\":1,\"name\":\"prometheus-shadow\",\"type\":\"prometheus\","
            + "\"typeName\":\"Prometheus\",\"typeLogoUrl\":\"\",\"access\":\"proxy\",\"url\":\"http://prometheus-local:9090\","
            + "\"user\":\"\",\"database\":\"\",\"basicAuth\":false,\"isDefault\":false,\"jsonData\":{},\"readOnly\":false}]";

    @Test
    void dataSourcesAreDecodedInGrafanasOrder() {
        server.on("/api/datasources", FixtureServer.json(200, DATASOURCES));

        List<Datasource> datasources = client.datasources().value();

        assertThat(datasources).extracting(Datasource::uid).containsExactly("peaktrade-prometheus-local",
                "peaktrade-prometheus-main", "peaktrade-prometheus-shadow");
        assertThat(datasources.get(0)).isEqualTo(new Datasource(3, "peaktrade-prometheus-local", 1, "prometheus-local",
                "prometheus", "http://prometheus-local:9090", "proxy", true, true,
                Map.of("httpMethod", "POST", "timeInterval", "5s")));
        assertThat(datasources.get(2).readOnly()).isFalse();
        assertThat(datasources.get(1).jsonData()).isEmpty();
    }

    @Test
    void oneDataSourceByUidOrEmptyWhenGrafanaSaysNotFound() {
        server.on("/api/datasources/uid/peaktrade-prometheus-local", FixtureServer.json(200,
                "{\"id\":3,\"uid\":\"peaktrade-prometheus-local\",\"orgId\":1,\"name\":\"prometheus-local\",\"type\":\"prometheus\","
                        + "\"typeLogoUrl\":\"\",\"access\":\"proxy\",\"url\":\"http://prometheus-local:9090\",\"user\":\"\","
                        + "\"database\":\"\",\"basicAuth\":false,\"basicAuthUser\":\"\",\"withCredentials\":false,"
                        + "\"isDefault\":true,\"jsonData\":{},\"secureJsonFields\":{},\"version\":1,\"readOnly\":true}"));
        server.on("/api/datasources/uid/nope", FixtureServer.json(404, "{\"message\":\"Data source not found\"}"));

        assertThat(client.datasource("peaktrade-prometheus-local").value()).hasValueSatisfying(d -> {
            assertThat(d.name()).isEqualTo("prometheus-local");
            assertThat(d.isDefault()).isTrue();
        });
        assertThat(client.datasource("nope").value()).isEmpty();
        assertThat(client.datasource("nope").status()).isEqualTo(404);
    }

    @Test
    void aProxysHtml404IsAFailureNotAMissingDataSource() {
        server.on("/api/datasources/uid/x", FixtureServer.text(404, "text/html", "<html>404 Not Found</html>"));

        HttpFailure failure = catchThrowableOfType(() -> client.datasource("x"), HttpFailure.class);

        assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.HTTP_STATUS);
        assertThat(failure.status()).isEqualTo(404);
    }

    // ---- §4 data source health ----

    @Test
    void dataSourceHealthOkErrorAndUnknownUidAreAllAnswers() {
        server.on("/api/datasources/uid/peaktrade-prometheus-local/health", FixtureServer.json(200,
                "{\"details\":{\"application\":\"Prometheus\",\"features\":{\"rulerApiEnabled\":false}},"
                        + "\"message\":\"Successfully queried the Prometheus API.\",\"status\":\"OK\"}"));
        server.on("/api/datasources/uid/peaktrade-prometheus-main/health", FixtureServer.json(400,
                "{\"message\":\"Post \\\"http://prometheus:9091/api/v1/query\\\": dial tcp 172.21.0.10:9091: connect: "
                        + "connection refused - There was an error returned querying the Prometheus API.\",\"status\":\"ERROR\"}"));
        server.on("/api/datasources/uid/gone/health", FixtureServer.json(500,
                "{\"message\":\"Unable to load datasource metadata\"}"));
        server.on("/api/datasources/uid/bad!uid/health", FixtureServer.json(400, "{\"message\":\"UID is invalid\"}"));

        assertThat(client.datasourceHealth("peaktrade-prometheus-local")).satisfies(h -> {
            assertThat(h.ok()).isTrue();
            assertThat(h.status()).isEqualTo("OK");
            assertThat(h.message()).isEqualTo("Successfully queried the Prometheus API.");
        });
        DatasourceHealth main = client.datasourceHealth("peaktrade-prometheus-main");
        assertThat(main.httpStatus()).isEqualTo(400);
        assertThat(main.status()).isEqualTo("ERROR");
        assertThat(main.message()).contains("connect: connection refused");
        DatasourceHealth gone = client.datasourceHealth("gone");
        assertThat(gone).isEqualTo(new DatasourceHealth(500, "ERROR", "Unable to load datasource metadata", gone.latency()));
        assertThat(client.datasourceHealth("bad!uid").message()).isEqualTo("UID is invalid");
        assertThat(server.requests().get(3).pathAndQuery()).isEqualTo("/api/datasources/uid/bad%21uid/health");
    }

    @Test
    void dataSourceHealthBehindARejectedLoginIsUnauthorized() {
        server.on("/api/datasources/uid/x/health", FixtureServer.json(401, "{\"message\":\"Invalid username or password\","
                + "\"messageId\":\"password-auth.failed\",\"statusCode\":401}"));

        assertThat(catchThrowableOfType(() -> client.datasourceHealth("x"), HttpFailure.class).kind())
                .isEqualTo(HttpFailure.Kind.UNAUTHORIZED);
    }

    // ---- §5 search, §7 folders ----

    @Test
    void searchSendsTypeAndUidsAndFillsGeneralForTheRootFolder() {
        server.on("/api/search", FixtureServer.json(200, "[{\"id\":7,\"uid\":\"peaktrade-overview\",\"orgId\":1,"
                + "\"title\":\"Peak_Trade Overview\",\"uri\":\"db/peak_trade-overview\",\"url\":\"/d/peaktrade-overview/peak_trade-overview\","
                + "\"slug\":\"peak_trade-overview\",\"type\":\"dash-db\",\"tags\":[\"peaktrade\",\"overview\"],\"isStarred\":false,"
                + "\"sortMeta\":0,\"isDeleted\":false,\"folderId\":2,\"folderUid\":\"overview-f\",\"folderTitle\":\"overview\","
                + "\"folderUrl\":\"/dashboards/f/overview-f/overview\"},"
                + "{\"id\":8,\"uid\":\"at-root\",\"orgId\":1,\"title\":\"Root\",\"uri\":\"db/root\",\"url\":\"/d/at-root/root\","
                + "\"slug\":\"root\",\"type\":\"dash-db\",\"tags\":[],\"isStarred\":false,\"sortMeta\":0,\"isDeleted\":false}]"));

        List<SearchHit> hits = client.search("dash-db", List.of("peaktrade-overview", "at-root")).value();

        assertThat(hits).containsExactly(
                new SearchHit("peaktrade-overview", "Peak_Trade Overview", "dash-db",
                        "/d/peaktrade-overview/peak_trade-overview", "overview-f", "overview", List.of("peaktrade", "overview")),
                new SearchHit("at-root", "Root", "dash-db", "/d/at-root/root", null, "General", List.of()));
        assertThat(server.requests().get(0).pathAndQuery())
                .isEqualTo("/api/search?type=dash-db&dashboardUIDs=peaktrade-overview&dashboardUIDs=at-root&limit=5000");
    }

    @Test
    void searchWithoutFiltersAsksForEverythingInGrafanasLargestPage() {
        server.on("/api/search", FixtureServer.json(200, "[]"));

        assertThat(client.search(null, List.of()).value()).isEmpty();
        assertThat(server.requests()).extracting(FixtureServer.Recorded::pathAndQuery).containsExactly("/api/search?limit=5000");
    }

    /** {@code count} dashboard hits from uid number {@code from} on, as Grafana lists them. */
    private static String hits(int from, int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = from; i < from + count; i++) {
            json.append(i == from ? "" : ",").append("{\"id\":").append(i).append(",\"uid\":\"d").append(i)
                    .append("\",\"title\":\"D ").append(i).append("\",\"type\":\"dash-db\",\"url\":\"/d/d").append(i)
                    .append("\",\"tags\":[]}");
        }
        return json.append("]").toString();
    }

    @Test
    void aSearchThatFillsGrafanasPageIsFollowedByTheNextPageUntilOneComesBackShort() {
        server.on("/api/search", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String body = query.endsWith("&page=3") ? hits(10_000, 7) : query.endsWith("&page=2") ? hits(5_000, 5_000) : hits(0, 5_000);
            FixtureServer.json(200, body).respond(exchange);
        });

        List<SearchHit> all = client.search("dash-db", List.of()).value();

        assertThat(all).hasSize(10_007);
        assertThat(all.get(10_006).uid()).isEqualTo("d10006");
        assertThat(server.requests()).extracting(FixtureServer.Recorded::pathAndQuery).containsExactly(
                "/api/search?type=dash-db&limit=5000", "/api/search?type=dash-db&limit=5000&page=2",
                "/api/search?type=dash-db&limit=5000&page=3");
    }

    @Test
    void aServerThatIgnoresThePageIsABadResponseNotASilentlyShortList() {
        server.on("/api/search", FixtureServer.json(200, hits(0, 5_000)));

        HttpFailure failure = catchThrowableOfType(() -> client.search("dash-db", List.of()), HttpFailure.class);

        assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.BAD_RESPONSE);
        assertThat(failure.getMessage()).startsWith("GET " + server.uri() + "/api/search?type=dash-db&limit=5000&page=2: page 2 "
                + "repeated the hits of page 1: the server ignores page=, and the list would be cut at 5000");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void foldersAreDecoded() {
        server.on("/api/folders", FixtureServer.json(200, "[{\"id\":2,\"uid\":\"overview-f\",\"title\":\"overview\"},"
                + "{\"id\":5,\"uid\":\"child\",\"title\":\"http\",\"parentUid\":\"overview-f\"}]"));

        assertThat(client.folders().value()).containsExactly(new Folder(2, "overview-f", "overview", null),
                new Folder(5, "child", "http", "overview-f"));
    }

    // ---- §6 dashboards ----

    static final String SHADOW_DASHBOARD = "{\"dashboard\":{\"id\":11,\"uid\":\"peaktrade-shadow-pipeline-mvs\","
            + "\"title\":\"Peak_Trade — Shadow Pipeline (MVS, Contract v1)\",\"version\":3,\"schemaVersion\":39,"
            + "\"templating\":{\"list\":["
            + "{\"name\":\"DS_SHADOW\",\"type\":\"datasource\",\"query\":\"prometheus\",\"regex\":\"prometheus-shadow\","
            + "\"current\":{\"text\":\"prometheus-shadow\",\"value\":\"peaktrade-prometheus-shadow\"}},"
            + "{\"name\":\"mode\",\"type\":\"query\",\"datasource\":{\"type\":\"prometheus\",\"uid\":\"${DS_SHADOW}\"},"
            + "\"query\":{\"query\":\"label_values(peak_trade_pipeline_events_total, mode)\",\"refId\":\"PrometheusVariableQueryEditor-VariableQuery\"},"
            + "\"current\":{\"text\":[\"All\"],\"value\":[\"$__all\"]}},"
            + "{\"name\":\"exchange\",\"type\":\"query\",\"datasource\":\"${DS_SHADOW}\","
            + "\"query\":\"label_values(peak_trade_pipeline_events_total, exchange)\",\"current\":{}}]},"
            + "\"panels\":["
            + "{\"id\":1,\"type\":\"timeseries\",\"title\":\"Events by stage\",\"datasource\":{\"type\":\"prometheus\",\"uid\":\"${DS_SHADOW}\"},"
            + "\"targets\":[{\"refId\":\"A\",\"expr\":\"sum by (mode, stage) (rate(peak_trade_pipeline_events_total{mode=~\\\"$mode\\\"}[5m]))\"}]},"
            + "{\"id\":2,\"type\":\"row\",\"title\":\"Latency\",\"collapsed\":true,\"panels\":["
            + "{\"id\":3,\"type\":\"stat\",\"title\":\"p95 intent→ack\","
            + "\"targets\":[{\"refId\":\"A\",\"datasource\":{\"type\":\"prometheus\",\"uid\":\"${DS_SHADOW}\"},\"expr\":\"histogram_quantile(0.95, x)\"},"
            + "{\"refId\":\"B\",\"expr\":\"y\"}]}]},"
            + "{\"id\":4,\"type\":\"text\",\"title\":\"Notes\"}]},"
            + "\"meta\":{\"type\":\"db\",\"canSave\":false,\"canEdit\":true,\"canAdmin\":true,\"canStar\":true,\"canDelete\":false,"
            + "\"slug\":\"peak_trade-shadow-pipeline-mvs-contract-v1\",\"url\":\"/d/peaktrade-shadow-pipeline-mvs/x\","
            + "\"created\":\"2025-06-01T10:00:00Z\",\"updated\":\"2025-06-01T10:00:00Z\",\"createdBy\":\"Anonymous\","
            + "\"updatedBy\":\"Anonymous\",\"version\":3,\"folderId\":4,\"folderUid\":\"shadow-f\",\"folderTitle\":\"shadow\","
            + "\"folderUrl\":\"/dashboards/f/shadow-f/shadow\",\"provisioned\":true,\"provisionedExternalId\":\"shadow/shadow_pipeline_mvs.json\"}}";

    @Test
    void aDashboardIsDecodedWithVariablesPanelsAndProvisioning() {
        server.on("/api/dashboards/uid/peaktrade-shadow-pipeline-mvs", FixtureServer.json(200, SHADOW_DASHBOARD));

        DashboardDetail d = client.dashboard("peaktrade-shadow-pipeline-mvs").value().orElseThrow();

        assertThat(d.uid()).isEqualTo("peaktrade-shadow-pipeline-mvs");
        assertThat(d.title()).isEqualTo("Peak_Trade — Shadow Pipeline (MVS, Contract v1)");
        assertThat(d.version()).isEqualTo(3);
        assertThat(d.folderUid()).isEqualTo("shadow-f");
        assertThat(d.folderTitle()).isEqualTo("shadow");
        assertThat(d.provisioned()).isTrue();
        assertThat(d.provisionedExternalId()).isEqualTo("shadow/shadow_pipeline_mvs.json");
        assertThat(d.variables()).containsExactly(
                new TemplateVariable("DS_SHADOW", "datasource", "prometheus", "prometheus-shadow", null, null,
                        "peaktrade-prometheus-shadow"),
                new TemplateVariable("mode", "query", "label_values(peak_trade_pipeline_events_total, mode)", null,
                        "${DS_SHADOW}", "prometheus", "$__all"),
                new TemplateVariable("exchange", "query", "label_values(peak_trade_pipeline_events_total, exchange)",
                        null, "${DS_SHADOW}", null, null));
        assertThat(d.variable("mode")).isPresent();
        assertThat(d.panels()).extracting(Panel::id).containsExactly(1L, 2L, 3L, 4L);
        assertThat(d.panels().get(0)).isEqualTo(new Panel(1, "Events by stage", "timeseries", "${DS_SHADOW}", "prometheus",
                List.of("sum by (mode, stage) (rate(peak_trade_pipeline_events_total{mode=~\"$mode\"}[5m]))")));
        assertThat(d.panels().get(2).datasourceUid()).isEqualTo("${DS_SHADOW}");
        assertThat(d.panels().get(2).exprs()).containsExactly("histogram_quantile(0.95, x)", "y");
        assertThat(d.panels().get(3).exprs()).isEmpty();
    }

    @Test
    void aDashboardInGeneralHasFolderTitleGeneral() {
        server.on("/api/dashboards/uid/root", FixtureServer.json(200, "{\"dashboard\":{\"uid\":\"root\",\"title\":\"R\","
                + "\"version\":1},\"meta\":{\"folderId\":0,\"provisioned\":false}}"));

        DashboardDetail d = client.dashboard("root").value().orElseThrow();

        assertThat(d.folderTitle()).isEqualTo("General");
        assertThat(d.folderUid()).isNull();
        assertThat(d.variables()).isEmpty();
        assertThat(d.panels()).isEmpty();
        assertThat(d.provisionedExternalId()).isNull();
    }

    @Test
    void anUnknownDashboardIsEmpty() {
        server.on("/api/dashboards/uid/nope", FixtureServer.json(404, "{\"message\":\"Dashboard not found\"}"));

        assertThat(client.dashboard("nope").value()).isEmpty();
    }

    @Test
    void aDashboardAnswerWithoutMetaIsABadResponse() {
        server.on("/api/dashboards/uid/x", FixtureServer.json(200, "{\"dashboard\":{}}"));

        assertThat(catchThrowableOfType(() -> client.dashboard("x"), HttpFailure.class).kind())
                .isEqualTo(HttpFailure.Kind.BAD_RESPONSE);
    }

    // ---- §8 /api/ds/query ----

    @Test
    void aQueryThroughGrafanaSendsTheDocumentedRequestAndDecodesFrames() {
        server.on("/api/ds/query", FixtureServer.json(200, "{\"results\":{\"A\":{\"status\":200,\"frames\":["
                + frame("{\"job\":\"shadow_mvs\",\"instance\":\"shadow-mvs-exporter:9109\"}", "[1748772930000]", "[1]", null)
                + "," + frame("{\"job\":\"other\"}", "[1748772930000]", "[null]", "[null,{\"NaN\":[0]}]")
                + "]}}}"));

        FrameResult result = client.query("peaktrade-prometheus-local", "up{job=\"shadow_mvs\"}");

        assertThat(result.ok()).isTrue();
        assertThat(result.error()).isNull();
        assertThat(result.series()).hasSize(2);
        assertThat(result.series().get(0).labels()).containsEntry("job", "shadow_mvs");
        assertThat(result.series().get(0).values()).containsExactly(1.0);
        assertThat(result.series().get(1).values()).containsExactly((Double) null);
        assertThat(result.series().get(1).hasNumber()).isFalse();
        assertThat(result.hasData()).isTrue();
        FixtureServer.Recorded request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.authorization()).isEqualTo("Basic " + ENCODED);
        JsonNode sent = readTree(request.body());
        JsonNode query = sent.get("queries").get(0);
        assertThat(query.get("refId").asText()).isEqualTo("A");
        assertThat(query.get("datasource").get("uid").asText()).isEqualTo("peaktrade-prometheus-local");
        assertThat(query.get("datasource").get("type").asText()).isEqualTo("prometheus");
        assertThat(query.get("expr").asText()).isEqualTo("up{job=\"shadow_mvs\"}");
        assertThat(query.get("instant").asBoolean()).isTrue();
        assertThat(query.get("range").asBoolean()).isFalse();
        assertThat(sent.get("from").asText()).isEqualTo("now-5m");
        assertThat(sent.get("to").asText()).isEqualTo("now");
    }

    @Test
    void anEmptyVectorGivesNoSeries() {
        server.on("/api/ds/query", FixtureServer.json(200, "{\"results\":{\"A\":{\"status\":200,\"frames\":[]}}}"));

        FrameResult result = client.query("peaktrade-prometheus-local", "up{job=\"nope\"}");

        assertThat(result.ok()).isTrue();
        assertThat(result.series()).isEmpty();
        assertThat(result.hasData()).isFalse();
    }

    @Test
    void aFailedQueryIs400WithItsErrorAsAnAnswer() {
        server.on("/api/ds/query", FixtureServer.json(400, "{\"results\":{\"A\":{\"error\":\"bad_data: invalid parameter "
                + "\\\"query\\\": 1:5: parse error: unexpected right parenthesis ')'\",\"errorSource\":\"downstream\",\"status\":400}}}"));

        FrameResult result = client.query("peaktrade-prometheus-local", "sum())");

        assertThat(result.ok()).isFalse();
        assertThat(result.httpStatus()).isEqualTo(400);
        assertThat(result.error()).startsWith("bad_data: invalid parameter \"query\"");
        assertThat(result.series()).isEmpty();
    }

    @Test
    void anUnknownDataSourceIs404WithGrafanasMessageAsAnAnswer() {
        server.on("/api/ds/query", FixtureServer.json(404, "{\"message\":\"Data source not found\"}"));

        FrameResult result = client.query("nope", "up");

        assertThat(result.httpStatus()).isEqualTo(404);
        assertThat(result.error()).isEqualTo("Data source not found");
    }

    @Test
    void a200WithoutResultsIsABadResponse() {
        server.on("/api/ds/query", FixtureServer.json(200, "{\"results\":{}}"));

        assertThat(catchThrowableOfType(() -> client.query("x", "up"), HttpFailure.class).kind())
                .isEqualTo(HttpFailure.Kind.BAD_RESPONSE);
    }

    private static String frame(String labels, String times, String values, String entities) {
        return "{\"schema\":{\"refId\":\"A\",\"meta\":{\"type\":\"numeric-multi\",\"typeVersion\":[0,1],"
                + "\"custom\":{\"resultType\":\"vector\"}},\"fields\":[{\"name\":\"Time\",\"type\":\"time\"},"
                + "{\"name\":\"Value\",\"type\":\"number\",\"labels\":" + labels + "}]},"
                + "\"data\":{\"values\":[" + times + "," + values + "]"
                + (entities == null ? "" : ",\"entities\":" + entities) + "}}";
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---- hostile peers, every call, secrets never shown ----

    private static void assertNoSecret(String... texts) {
        for (String text : texts) {
            assertThat(text).doesNotContain(PASSWORD).doesNotContain(ENCODED);
        }
    }

    private static void hostile(String name, Map<Hostile, HostileTable.Expect> table, Function<GrafanaClient, Object> call) {
        HostileTable.run(name, TIMEOUT, table, (URI uri) -> {
            Object answer = call.apply(new GrafanaClient(uri, "admin", PASSWORD, TIMEOUT));
            assertNoSecret(String.valueOf(answer));
            return answer;
        }, PASSWORD, ENCODED);
    }

    /** datasourceHealth and query: a non-2xx that is not a redirect or 401/403 is an answer. */
    private static Map<Hostile, HostileTable.Expect> answersErrors(Function<Object, Integer> status) {
        return HostileTable.strictJsonExcept(Map.of(Hostile.ERROR_500_WITH_BODY,
                HostileTable.answers(a -> assertThat(status.apply(a)).isEqualTo(500))));
    }

    @Test
    void healthFailsTypedAgainstEveryHostilePeer() {
        hostile("health", HostileTable.strictJson(), GrafanaClient::health);
    }

    @Test
    void authAndDataSourceListingFailTypedAgainstEveryHostilePeer() {
        hostile("checkAuth", HostileTable.strictJson(), GrafanaClient::checkAuth);
        hostile("datasources", HostileTable.strictJson(), GrafanaClient::datasources);
        hostile("datasource", HostileTable.strictJson(), c -> c.datasource("peaktrade-prometheus-local"));
    }

    @Test
    void dashboardCallsFailTypedAgainstEveryHostilePeer() {
        hostile("search", HostileTable.strictJson(), c -> c.search("dash-db", List.of("a")));
        hostile("dashboard", HostileTable.strictJson(), c -> c.dashboard("peaktrade-overview"));
        hostile("folders", HostileTable.strictJson(), GrafanaClient::folders);
    }

    @Test
    void dataSourceHealthAndQueryAnswerErrorStatusesAndFailTypedOtherwise() {
        hostile("datasourceHealth", answersErrors(a -> ((DatasourceHealth) a).httpStatus()),
                c -> c.datasourceHealth("peaktrade-prometheus-local"));
        hostile("query", answersErrors(a -> ((FrameResult) a).httpStatus()), c -> c.query("peaktrade-prometheus-local", "up"));
    }

    @Test
    void a500AnswerKeepsTheBodyAsTheMessage() {
        server.on("/api/datasources/uid/x/health", FixtureServer.text(502, "text/html", "<html>Bad Gateway</html>"));
        server.on("/api/ds/query", FixtureServer.text(500, "text/plain", Hostile.ERROR_500_BODY));

        assertThat(client.datasourceHealth("x")).satisfies(h -> {
            assertThat(h.status()).isEqualTo("ERROR");
            assertThat(h.message()).isEqualTo("<html>Bad Gateway</html>");
        });
        assertThat(client.query("x", "up").error()).isEqualTo("HTTP 500: " + Hostile.ERROR_500_BODY);
    }

    @Test
    void noToStringOrMessageShowsThePassword() {
        server.onAny(FixtureServer.text(500, "text/plain", "echo " + PASSWORD + " / Basic " + ENCODED));
        List<Runnable> calls = Arrays.asList(client::health, client::checkAuth, client::datasources,
                () -> client.datasource("x"), () -> client.search(null, List.of()), () -> client.dashboard("x"),
                client::folders);
        for (Runnable call : calls) {
            HttpFailure failure = catchThrowableOfType(call::run, HttpFailure.class);
            assertThat(failure).as("every call fails here").isNotNull();
            assertNoSecret(failure.getMessage(), failure.toString(), failure.bodyExcerpt(), failure.url());
        }
        assertNoSecret(client.datasourceHealth("x").toString(), client.query("x", "up").toString(), client.toString());
    }
}
