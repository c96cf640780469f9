package com.peaktrade.obs.standin;

import static com.peaktrade.obs.standin.GrafanaContainers.ADMIN;
import static com.peaktrade.obs.standin.GrafanaContainers.get;
import static com.peaktrade.obs.standin.GrafanaContainers.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.peaktrade.obs.standin.GrafanaContainers.Grafana;
import com.peaktrade.obs.standin.GrafanaContainers.Reply;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's Grafana layout (four provisioned data sources, four dashboards in four folders) on one
 * network with the testbed Prometheus: the answers of grafana-facts.md §1–§8 and §10.
 */
@ExtendWith(EngineExtension.class)
class StandInUserLayoutIT {
    private static final String LOCAL = "peaktrade-prometheus-local";
    private static final Map<String, String> FOLDER_OF = Map.of(
            "peaktrade-execution-watch-overview", "execution",
            "peaktrade-overview", "overview",
            "peaktrade-shadow-pipeline-mvs", "shadow",
            "peaktrade-labeled-local", "http");

    @TempDir
    static Path dir;
    static TestEngine engine;
    static Grafana grafana;

    @BeforeAll
    static void start(TestEngine testEngine) {
        engine = testEngine;
        Path layout = GrafanaContainers.fixture("user-layout", dir);
        String network = engine.createNetwork("obs");
        GrafanaContainers.startPrometheus(engine, network);
        grafana = GrafanaContainers.startGrafana(engine, network, layout.resolve("provisioning"),
                List.of(layout.resolve("dashboards") + ":/etc/grafana/dashboards"), null,
                List.of("STANDIN_COLD_START_MS=500"));
        engine.awaitHttp(grafana.base() + "/api/health", 200, Duration.ofSeconds(90));
        GrafanaContainers.awaitJson(grafana.base() + "/api/search?type=dash-db", ADMIN, ADMIN, Duration.ofSeconds(60),
                hits -> hits.size() == 4);
    }

    private static Reply api(String path) {
        return get(grafana.base() + path, ADMIN, ADMIN);
    }

    private static Reply query(String body) {
        return post(grafana.base() + "/api/ds/query", ADMIN, ADMIN, body);
    }

    private static String instant(String refId, String uid, String expr) {
        return "{\"refId\":\"" + refId + "\",\"datasource\":{\"type\":\"prometheus\",\"uid\":\"" + uid
                + "\"},\"expr\":\"" + expr.replace("\"", "\\\"") + "\",\"instant\":true,\"range\":false}";
    }

    private static String queries(String... queries) {
        return "{\"queries\":[" + String.join(",", queries) + "],\"from\":\"now-5m\",\"to\":\"now\"}";
    }

    @Test
    void doneWhen_fact4_fact10_userLayoutLoadsAndLocalDatasourceHealthIsOkThroughTheNetwork() {
        assertThat(api("/api/datasources").json().findValuesAsText("uid")).containsExactly(
                "peaktrade-prometheus", LOCAL, "peaktrade-prometheus-main", "peaktrade-prometheus-shadow");
        Map<String, String> folderOf = new LinkedHashMap<>();
        api("/api/search?type=dash-db").json().forEach(h -> folderOf.put(h.get("uid").asText(),
                h.path("folderTitle").asText()));
        assertThat(folderOf).isEqualTo(FOLDER_OF);

        Reply health = api("/api/datasources/uid/" + LOCAL + "/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.contentType()).startsWith("application/json");
        JsonNode body = health.json();
        assertThat(body.path("status").asText()).isEqualTo("OK");
        assertThat(body.path("message").asText()).isEqualTo("Successfully queried the Prometheus API.");
        assertThat(body.path("details").path("application").asText()).isEqualTo("Prometheus");
        assertThat(body.path("details").path("features").path("rulerApiEnabled").isBoolean()).isTrue();
    }

    @Test
    void fact1_healthNeedsNoAuthAndIsPrettyJsonWithDatabaseVersionCommit() {
        Reply health = get(grafana.base() + "/api/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.contentType()).startsWith("application/json");
        assertThat(health.body()).startsWith("{\n  \"database\": \"ok\",\n");
        assertThat(health.json().fieldNames()).toIterable().containsExactly("database", "version", "commit");
        assertThat(GrafanaContainers.head(grafana.base() + "/api/health").status()).isEqualTo(200);
        Reply healthz = get(grafana.base() + "/healthz", null, null);
        assertThat(healthz.status()).isEqualTo(200);
        assertThat(healthz.body()).isEqualTo("Ok");
    }

    @Test
    void fact2_noCredentialsIs401Unauthorized() {
        Reply r = get(grafana.base() + "/api/datasources", null, null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.body()).isEqualTo(
                "{\"extra\":null,\"message\":\"Unauthorized\",\"messageId\":\"auth.unauthorized\",\"statusCode\":401,\"traceID\":\"\"}");
    }

    @Test
    void fact2_wrongPasswordAndUnknownUserAre401InvalidUsernameOrPassword() {
        String expected = "{\"extra\":null,\"message\":\"Invalid username or password\","
                + "\"messageId\":\"password-auth.failed\",\"statusCode\":401,\"traceID\":\"\"}";
        Reply unknown = get(grafana.base() + "/api/search", "nobody-here", "x");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(expected);
        Reply wrong = get(grafana.base() + "/api/search", ADMIN, "not-the-password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(expected);
    }

    @Test
    void fact3_datasourceListIsSortedByNameWithProvisionedFields() {
        Reply r = api("/api/datasources");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode list = r.json();
        assertThat(list.findValuesAsText("name"))
                .containsExactly("prometheus", "prometheus-local", "prometheus-main", "prometheus-shadow");
        JsonNode local = list.get(1);
        assertThat(local.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "uid", "orgId", "name", "type",
                "typeName", "typeLogoUrl", "access", "url", "user", "database", "basicAuth", "isDefault", "jsonData",
                "readOnly");
        assertThat(local.path("uid").asText()).isEqualTo(LOCAL);
        assertThat(local.path("orgId").asLong()).isEqualTo(1);
        assertThat(local.path("type").asText()).isEqualTo("prometheus");
        assertThat(local.path("access").asText()).isEqualTo("proxy");
        assertThat(local.path("url").asText()).isEqualTo("http://prometheus-local:9090");
        assertThat(local.path("isDefault").asBoolean()).isTrue();
        assertThat(local.path("readOnly").asBoolean()).as("editable: false").isTrue();
        assertThat(local.path("jsonData").path("httpMethod").asText()).isEqualTo("POST");
        JsonNode plain = list.get(0);
        assertThat(plain.path("readOnly").asBoolean()).as("editable: true").isFalse();
        assertThat(plain.path("jsonData").isObject() && plain.path("jsonData").isEmpty()).as("jsonData {}").isTrue();
    }

    @Test
    void fact3_datasourceByUidHasDetailFieldsAndUnknownUidIs404WithMessage() {
        JsonNode ds = api("/api/datasources/uid/" + LOCAL).json();
        assertThat(ds.has("typeName")).isFalse();
        for (String field : List.of("basicAuthUser", "withCredentials", "secureJsonFields", "version", "readOnly")) {
            assertThat(ds.has(field)).as(field + " in " + ds).isTrue();
        }
        assertThat(ds.path("name").asText()).isEqualTo("prometheus-local");
        Reply unknown = api("/api/datasources/uid/no-such-uid");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/json");
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Data source not found\"}");
    }

    @Test
    void fact3_unknownApiPathIs404WithPlainMessage() {
        Reply r = api("/api/no/such/endpoint");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("message").asText()).isEqualTo("Not found");
    }

    @Test
    void fact4_unresolvableDatasourceHealthIs400ErrorWithTheGoErrorText() {
        Reply r = api("/api/datasources/uid/peaktrade-prometheus-shadow/health");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode body = r.json();
        assertThat(body.fieldNames()).toIterable().containsExactly("message", "status");
        assertThat(body.path("status").asText()).isEqualTo("ERROR");
        assertThat(body.path("message").asText())
                .startsWith("Post \"http://host.docker.internal:9092/api/v1/query\": dial tcp")
                .contains("host.docker.internal")
                .endsWith(" - There was an error returned querying the Prometheus API.");
    }

    @Test
    void fact4_healthOfUnknownUidIs500AndOfMalformedUidIs400() {
        Reply unknown = api("/api/datasources/uid/no-such-uid/health");
        assertThat(unknown.status()).isEqualTo(500);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Unable to load datasource metadata\"}");
        Reply malformed = api("/api/datasources/uid/bad%20uid!/health");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("{\"message\":\"UID is invalid\"}");
    }

    @Test
    void fact5_searchListsFoldersFirstThenDashboardsByTitleWithTheHitFields() {
        JsonNode hits = api("/api/search").json();
        assertThat(hits.findValuesAsText("type")).containsExactly("dash-folder", "dash-folder", "dash-folder",
                "dash-folder", "dash-db", "dash-db", "dash-db", "dash-db");
        assertThat(hits.findValuesAsText("title").subList(0, 4)).containsExactly("execution", "http", "overview", "shadow");
        List<String> dashTitles = hits.findValuesAsText("title").subList(4, 8);
        assertThat(dashTitles).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        JsonNode overview = api("/api/search?dashboardUIDs=peaktrade-overview").json().get(0);
        assertThat(overview.fieldNames()).toIterable().contains("id", "uid", "orgId", "title", "uri", "url", "slug",
                "type", "tags", "isStarred", "sortMeta", "isDeleted", "folderId", "folderUid", "folderTitle",
                "folderUrl");
        assertThat(overview.path("slug").asText()).isEqualTo("peak-trade-overview-mini-vs-main");
        assertThat(overview.path("uri").asText()).isEqualTo("db/peak-trade-overview-mini-vs-main");
        assertThat(overview.path("url").asText()).isEqualTo("/d/peaktrade-overview/peak-trade-overview-mini-vs-main");
        assertThat(overview.path("sortMeta").asInt()).isZero();
        assertThat(overview.path("folderTitle").asText()).isEqualTo("overview");
        List<String> tags = new ArrayList<>();
        overview.path("tags").forEach(t -> tags.add(t.asText()));
        assertThat(tags).containsExactlyInAnyOrder("peak_trade", "observability");
    }

    @Test
    void fact5_searchFiltersByTypeQueryTagDashboardUidsAndFolderUids() {
        assertThat(api("/api/search?type=dash-folder").json().findValuesAsText("type")).containsOnly("dash-folder").hasSize(4);
        assertThat(api("/api/search?type=dash-db&query=OVERVIEW").json().findValuesAsText("uid"))
                .containsExactlyInAnyOrder("peaktrade-overview", "peaktrade-execution-watch-overview");
        assertThat(api("/api/search?tag=labeled&tag=local").json().findValuesAsText("uid"))
                .containsExactly("peaktrade-labeled-local");
        assertThat(api("/api/search?dashboardUIDs=peaktrade-overview&dashboardUIDs=peaktrade-labeled-local")
                .json().findValuesAsText("uid"))
                .containsExactlyInAnyOrder("peaktrade-overview", "peaktrade-labeled-local");
        String shadowFolder = api("/api/search?type=dash-folder&query=shadow").json().get(0).path("uid").asText();
        assertThat(api("/api/search?folderUIDs=" + shadowFolder).json().findValuesAsText("uid"))
                .containsExactly("peaktrade-shadow-pipeline-mvs");
        Reply tooMany = api("/api/search?limit=5001");
        assertThat(tooMany.status()).isEqualTo(422);
    }

    @Test
    void fact6_dashboardByUidReturnsTheJsonWithServerIdAndMetaWithFolderAndProvisioning() {
        Reply r = api("/api/dashboards/uid/peaktrade-shadow-pipeline-mvs");
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        JsonNode dash = doc.path("dashboard");
        assertThat(dash.path("uid").asText()).isEqualTo("peaktrade-shadow-pipeline-mvs");
        assertThat(dash.path("id").isIntegralNumber()).isTrue();
        assertThat(dash.path("version").isIntegralNumber()).isTrue();
        assertThat(dash.path("panels").size()).isPositive();
        JsonNode meta = doc.path("meta");
        for (String field : List.of("type", "canSave", "canEdit", "canAdmin", "canStar", "canDelete", "slug", "url",
                "created", "updated", "createdBy", "updatedBy", "version", "folderId", "folderUid", "folderTitle",
                "folderUrl", "provisioned", "provisionedExternalId")) {
            assertThat(meta.has(field)).as(field + " in meta " + meta).isTrue();
        }
        assertThat(meta.path("type").asText()).isEqualTo("db");
        assertThat(meta.path("folderTitle").asText()).isEqualTo("shadow");
        assertThat(meta.path("provisioned").asBoolean()).isTrue();
        assertThat(meta.path("provisionedExternalId").asText()).isEqualTo("shadow/peaktrade-shadow-pipeline-mvs.json");
        Reply unknown = api("/api/dashboards/uid/no-such-dashboard");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"message\":\"Dashboard not found\"}");
    }

    @Test
    void fact7_fact10_foldersAreTheFourParentDirectoriesWithoutGeneral() {
        JsonNode folders = api("/api/folders").json();
        assertThat(folders.findValuesAsText("title")).containsExactlyInAnyOrder("execution", "overview", "shadow", "http");
        folders.forEach(f -> assertThat(f.has("id") && f.has("uid")).as(f.toString()).isTrue());
    }

    @Test
    void fact8_instantQueryGivesOneNumericFramePerSeries() {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        Reply r = query(queries(instant("A", LOCAL, "up{job=\"prometheus\"}")));
        while (r.json().path("results").path("A").path("frames").path(0).path("schema").path("fields").isEmpty()
                && System.nanoTime() < deadline) {
            GrafanaContainers.sleep(500); // Prometheus scrapes itself within its first interval
            r = query(queries(instant("A", LOCAL, "up{job=\"prometheus\"}")));
        }
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode a = r.json().path("results").path("A");
        assertThat(a.path("status").asInt()).isEqualTo(200);
        assertThat(a.path("frames").size()).isEqualTo(1);
        JsonNode frame = a.path("frames").get(0);
        JsonNode schema = frame.path("schema");
        assertThat(schema.path("refId").asText()).isEqualTo("A");
        assertThat(schema.path("meta").path("type").asText()).isEqualTo("numeric-multi");
        assertThat(schema.path("meta").path("typeVersion").toString()).isEqualTo("[0,1]");
        assertThat(schema.path("meta").path("custom").path("resultType").asText()).isEqualTo("vector");
        assertThat(schema.path("fields").findValuesAsText("name")).containsExactly("Time", "Value");
        assertThat(schema.path("fields").findValuesAsText("type")).containsExactly("time", "number");
        assertThat(schema.path("fields").get(1).path("labels").path("job").asText()).isEqualTo("prometheus");
        JsonNode values = frame.path("data").path("values");
        assertThat(values.get(0).get(0).asLong()).isCloseTo(System.currentTimeMillis(),
                org.assertj.core.data.Offset.offset(120_000L));
        assertThat(values.get(1).get(0).asDouble()).isEqualTo(1.0);
    }

    @Test
    void fact8_nanAndInfinityBecomeNullWithEntities() {
        Reply r = query(queries(instant("N", LOCAL, "vector(0/0)"), instant("I", LOCAL, "vector(1/0)")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode nan = r.json().path("results").path("N").path("frames").get(0).path("data");
        assertThat(nan.path("values").get(1).get(0).isNull()).as(nan.toString()).isTrue();
        assertThat(nan.path("entities").toString()).isEqualTo("[null,{\"NaN\":[0]}]");
        JsonNode inf = r.json().path("results").path("I").path("frames").get(0).path("data");
        assertThat(inf.path("values").get(1).get(0).isNull()).isTrue();
        assertThat(inf.path("entities").toString()).isEqualTo("[null,{\"Inf\":[0]}]");
    }

    @Test
    void fact8_emptyVectorGivesNoSeriesFrames() {
        Reply r = query(queries(instant("A", LOCAL, "no_such_metric_anywhere")));
        assertThat(r.status()).isEqualTo(200);
        r.json().path("results").path("A").path("frames").forEach(f ->
                assertThat(f.path("schema").path("fields").size()).as("series frame in " + r.body()).isZero());
    }

    @Test
    void fact8_anyFailedQueryMakesTheResponse400WithThePerRefIdError() {
        Reply r = query(queries(instant("A", LOCAL, "up{"), instant("B", LOCAL, "vector(1)")));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode a = r.json().path("results").path("A");
        assertThat(a.path("status").asInt()).isEqualTo(400);
        assertThat(a.path("errorSource").asText()).isEqualTo("downstream");
        assertThat(a.path("error").asText()).startsWith("bad_data: invalid parameter \"query\": ")
                .contains("parse error");
        assertThat(r.json().path("results").path("B").path("frames").size()).isEqualTo(1);
    }

    @Test
    void fact8_unknownDatasourceIs404WithMessage() {
        Reply r = query(queries(instant("A", "no-such-datasource", "up")));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"message\":\"Data source not found\"}");
    }
}
