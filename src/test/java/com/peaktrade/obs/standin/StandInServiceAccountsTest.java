package com.peaktrade.obs.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.peaktrade.obs.grafana.GrafanaClient;
import com.peaktrade.obs.grafana.PermissionDenied;
import com.peaktrade.obs.grafana.SearchHit;
import com.peaktrade.obs.http.BearerToken;
import com.peaktrade.obs.http.ConnectionSettings;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.standin.server.StandIn;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in answers service accounts, tokens, roles, orgs and a sub-path as grafana-facts G14–G16
 * say, and the product's Grafana client reads those answers right. In-process, no Docker.
 */
class StandInServiceAccountsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path data;
    static FakePrometheus prometheus;
    static StandIn.Running standIn;
    static URI grafana;
    static ServiceAccountTokens admin;

    @BeforeAll
    static void start() throws Exception {
        prometheus = FakePrometheus.start();
        Map<String, String> env = SchemaCheckFixture.environment(data, prometheus, "http://127.0.0.1:1");
        env.put("GF_SERVER_ROOT_URL", "http://127.0.0.1:3000/grafana/");
        env.put("GF_SERVER_SERVE_FROM_SUB_PATH", "true");
        env.put("STANDIN_SEARCH_WITHOUT_FOLDER_TITLE", "true");
        standIn = StandIn.start(env);
        grafana = URI.create("http://127.0.0.1:" + standIn.port() + "/grafana");
        admin = new ServiceAccountTokens(grafana, "admin", "admin");
    }

    @AfterAll
    static void stop() {
        standIn.close();
        prometheus.close();
    }

    private static GrafanaClient withToken(String token) {
        return new GrafanaClient(grafana, TIMEOUT, ConnectionSettings.of(new BearerToken(token)));
    }

    @Test
    void aServiceAccountAndItsTokenAreCreatedThroughGrafanasEndpoints() throws Exception {
        JsonNode account = admin.post("/api/serviceaccounts", "{\"name\":\"CI Gate\",\"role\":\"Viewer\"}", 201);

        assertThat(account.path("login").asText()).isEqualTo("sa-1-ci-gate");
        assertThat(account.path("role").asText()).isEqualTo("Viewer");
        assertThat(account.path("tokens").asInt()).isZero();
        JsonNode token = admin.post("/api/serviceaccounts/" + account.path("id").asLong() + "/tokens",
                "{\"name\":\"ci\"}", 200);
        assertThat(token.path("key").asText()).matches("glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}");
    }

    @Test
    void aViewerTokenIsAServiceAccountThatReadsDataSourcesAndDashboards() throws Exception {
        GrafanaClient viewer = withToken(admin.token("viewer", "Viewer", 0));

        var identity = viewer.checkAuth().identity();

        assertThat(identity.describe()).isEqualTo("sa-1-viewer (service account, role Viewer)");
        assertThat(viewer.datasources().value()).isNotEmpty();
        assertThat(viewer.search("dash-db", List.of()).value()).isNotEmpty();
    }

    @Test
    void aRoleNoneTokenIsAuthenticatedButEveryDataSourceRouteNamesTheMissingPermission() throws Exception {
        GrafanaClient none = withToken(admin.token("nobody", "None", 0));

        assertThat(none.checkAuth().identity().role()).isEqualTo("None");
        HttpFailure denied = catchThrowableOfType(none::datasources, HttpFailure.class);

        assertThat(denied.status()).isEqualTo(403);
        assertThat(PermissionDenied.needed(denied)).contains("datasources:read");
        assertThat(none.search("dash-db", List.of()).value()).as("search hides, never 403s").isEmpty();
    }

    @Test
    void tokensThatAreMalformedRevokedExpiredOrOfAnotherOrgGetGrafanasOwn401() throws Exception {
        JsonNode account = admin.post("/api/serviceaccounts", "{\"name\":\"rotating\",\"role\":\"Viewer\"}", 201);
        JsonNode token = admin.post("/api/serviceaccounts/" + account.path("id").asLong() + "/tokens", "{\"name\":\"r\"}", 200);
        String good = token.path("key").asText();
        String broken = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
        String expiring = admin.token("short", "Viewer", 1);
        Thread.sleep(1100);
        GrafanaClient otherOrg = new GrafanaClient(grafana, TIMEOUT,
                ConnectionSettings.of(new BearerToken(good)).withHeader("X-Grafana-Org-Id", "2"));

        assertThat(messageId(withToken(broken))).isEqualTo("api-key.invalid");
        assertThat(messageId(withToken(expiring))).isEqualTo("api-key.expired");
        assertThat(messageId(otherOrg)).isEqualTo("api-key.organization-mismatch");
        revoke(token.path("id").asLong());
        assertThat(messageId(withToken(good))).isEqualTo("api-key.revoked");
    }

    @Test
    void searchHitsWithoutFolderTitleGetItFromTheFolderItself() {
        GrafanaClient viewer = new GrafanaClient(grafana, "admin", "admin", TIMEOUT);

        List<SearchHit> hits = viewer.search("dash-db", List.of("peaktrade-shadow-pipeline-mvs")).value();

        assertThat(hits).extracting(SearchHit::folderTitle).containsExactly("shadow");
    }

    @Test
    void underItsSubPathGrafanaRedirectsPagesButAnswersTheApiWithAndWithoutIt() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI root = URI.create("http://127.0.0.1:" + standIn.port());

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(root.resolve("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(root.resolve("/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(301);
        assertThat(login.headers().firstValue("Location")).contains("http://127.0.0.1:3000/grafana/login");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new GrafanaClient(grafana, null, null, TIMEOUT).health().ok()).isTrue();
    }

    @Test
    void healthIs503WithTheApiserverNotReadyUntilItIsThen200(@TempDir Path otherData) throws Exception {
        Map<String, String> env = SchemaCheckFixture.environment(otherData, prometheus, "http://127.0.0.1:1");
        env.put("STANDIN_APISERVER_NOT_READY_MS", "1500");
        try (StandIn.Running starting = StandIn.start(env)) {
            GrafanaClient client = new GrafanaClient(URI.create("http://127.0.0.1:" + starting.port()), null, null, TIMEOUT);

            var early = client.health();
            var later = com.peaktrade.obs.poll.Poller.within(Duration.ofSeconds(10)).await(client::health,
                    com.peaktrade.obs.grafana.GrafanaHealth::ok);

            assertThat(early.httpStatus()).isEqualTo(503);
            assertThat(early.ok()).isFalse();
            assertThat(later.ready()).as("waited out: " + later).isTrue();
        }
    }

    private static String messageId(GrafanaClient client) {
        return catchThrowableOfType(client::checkAuth, HttpFailure.class).messageId();
    }

    /** What Grafana's secret scanning does to a leaked token; a stand-in-only route outside /api. */
    private static void revoke(long tokenId) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(grafana + "/standin/tokens/" + tokenId + "/revoke")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(StandInServiceAccountsTest.class.getResource(name).toURI());
    }
}
