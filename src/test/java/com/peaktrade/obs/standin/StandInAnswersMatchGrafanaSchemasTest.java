package com.peaktrade.obs.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.peaktrade.obs.grafana.GrafanaClient;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.standin.server.Fatal;
import com.peaktrade.obs.standin.server.StandIn;
import com.peaktrade.obs.testing.GrafanaApiSchema;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stand-in fidelity, mechanically: the Grafana stand-in runs in-process (no Docker) with a fake Prometheus
 * behind it, the product's own {@link GrafanaClient} sends every request it knows through a recording
 * proxy, and each raw answer (successes and the failure modes the stand-in implements) must match the JSON
 * Schema derived from Grafana's OpenAPI spec (src/test/resources/grafana-api-schemas, see the stand-in's
 * README).
 */
class StandInAnswersMatchGrafanaSchemasTest {
    private static final String LOCAL = "peaktrade-prometheus-local";
    private static final String DOWN = "peaktrade-prometheus-down";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path data;
    static FakePrometheus prometheus;
    static StandIn.Running standIn;
    static RecordingProxy proxy;
    static GrafanaClient admin;
    static GrafanaClient anonymous;
    static GrafanaClient wrongPassword;

    @BeforeAll
    static void start() throws Exception {
        prometheus = FakePrometheus.start();
        Map<String, String> env = SchemaCheckFixture.environment(data, prometheus, "http://127.0.0.1:" + closedPort());
        standIn = StandIn.start(env);
        proxy = RecordingProxy.to(URI.create("http://127.0.0.1:" + standIn.port()));
        admin = new GrafanaClient(proxy.uri(), "admin", "admin", TIMEOUT);
        anonymous = new GrafanaClient(proxy.uri(), null, null, TIMEOUT);
        wrongPassword = new GrafanaClient(proxy.uri(), "admin", "not-the-password", TIMEOUT);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {proxy, standIn, prometheus}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort: the JVM ends anyway
            }
        }
    }

    /** One call of the product's Grafana client, the status the stand-in must answer and the schema of that answer. */
    private record ProductCall(String clientMethod, String situation, int status, String schema, Runnable call) {
        String name() {
            return "GrafanaClient." + clientMethod + ": " + situation + " -> " + status + " " + schema;
        }
    }

    private static List<ProductCall> productCalls() {
        return List.of(
                new ProductCall("health", "no credentials", 200, "health.json", () -> admin.health()),
                new ProductCall("checkAuth", "right password", 200, "user-permissions.json", () -> admin.checkAuth()),
                new ProductCall("checkAuth", "no credentials", 401, "unauthorized.json", () -> anonymous.checkAuth()),
                new ProductCall("checkAuth", "wrong password", 401, "unauthorized.json", () -> wrongPassword.checkAuth()),
                new ProductCall("datasources", "two provisioned", 200, "datasource-list.json", () -> admin.datasources()),
                new ProductCall("datasource", "known uid", 200, "datasource.json", () -> admin.datasource(LOCAL)),
                new ProductCall("datasource", "unknown uid", 404, "error-message.json",
                        () -> admin.datasource("no-such-datasource")),
                new ProductCall("datasourceHealth", "Prometheus answers", 200, "datasource-health.json",
                        () -> admin.datasourceHealth(LOCAL)),
                new ProductCall("datasourceHealth", "connection refused", 400, "datasource-health.json",
                        () -> admin.datasourceHealth(DOWN)),
                new ProductCall("datasourceHealth", "unknown uid", 500, "error-message.json",
                        () -> admin.datasourceHealth("no-such-datasource")),
                new ProductCall("datasourceHealth", "malformed uid", 400, "error-message.json",
                        () -> admin.datasourceHealth("bad uid!")),
                new ProductCall("search", "every dashboard", 200, "search-hits.json", () -> admin.search("dash-db", List.of())),
                new ProductCall("search", "by uids, one of them missing", 200, "search-hits.json",
                        () -> admin.search("dash-db", List.of("peaktrade-overview", "peaktrade-general", "not-provisioned"))),
                new ProductCall("search", "folders and dashboards", 200, "search-hits.json", () -> admin.search(null, List.of())),
                new ProductCall("dashboard", "in a folder", 200, "dashboard.json",
                        () -> admin.dashboard("peaktrade-shadow-pipeline-mvs")),
                new ProductCall("dashboard", "in General", 200, "dashboard.json", () -> admin.dashboard("peaktrade-general")),
                new ProductCall("dashboard", "missing (its provider's path does not exist)", 404, "error-message.json",
                        () -> admin.dashboard("not-provisioned")),
                new ProductCall("folders", "four top-level folders", 200, "folders.json", () -> admin.folders()),
                new ProductCall("query", "one series", 200, "ds-query.json", () -> admin.query(LOCAL, "up")),
                new ProductCall("query", "NaN value", 200, "ds-query.json", () -> admin.query(LOCAL, "vector(0/0)")),
                new ProductCall("query", "empty vector", 200, "ds-query.json", () -> admin.query(LOCAL, "no_such_metric")),
                new ProductCall("query", "PromQL syntax error", 400, "ds-query.json", () -> admin.query(LOCAL, "up{")),
                new ProductCall("query", "Prometheus unreachable", 400, "ds-query.json", () -> admin.query(DOWN, "up")),
                new ProductCall("query", "unknown data source", 404, "error-message.json",
                        () -> admin.query("no-such-datasource", "up")));
    }

    @TestFactory
    Stream<DynamicTest> everyAnswerToTheProductsRequestsMatchesItsGrafanaSchema() {
        return productCalls().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            proxy.take();
            try {
                c.call().run();
            } catch (HttpFailure rejected) {
                assertThat(c.status()).as("the client failed: " + rejected.getMessage()).isEqualTo(401);
            }
            List<RecordingProxy.Exchange> exchanges = proxy.take();
            // an accepted probe is followed by one GET /api/user for the login; nothing is retried
            boolean whoAmI = c.clientMethod().equals("checkAuth") && c.status() == 200;
            assertThat(exchanges).as("one request, never retried").hasSize(whoAmI ? 2 : 1);
            RecordingProxy.Exchange answer = exchanges.get(0);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(c.status());
            assertThat(answer.contentType()).as(answer.toString()).startsWith("application/json");
            assertThat(GrafanaApiSchema.named(c.schema()).problems(answer.json())).as(answer.toString()).isEmpty();
        }));
    }

    @Test
    void everyRequestMethodOfTheClientIsExercised() {
        Set<String> requestMethods = Arrays.stream(GrafanaClient.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).filter(n -> !Set.of("baseUrl", "maxInFlight", "toString", "identity", "credentialKind").contains(n))
                .collect(Collectors.toSet());

        assertThat(productCalls().stream().map(ProductCall::clientMethod).collect(Collectors.toSet()))
                .containsAll(requestMethods);
    }

    @Test
    void theSchemasRejectAnAnswerThatLostAFieldOrChangedAType() {
        proxy.take();
        admin.datasources();
        JsonNode list = proxy.take().get(0).json();
        GrafanaApiSchema schema = GrafanaApiSchema.named("datasource-list.json");
        assertThat(schema.problems(list)).isEmpty();

        ((ObjectNode) list.get(0)).remove("uid");
        ((ObjectNode) list.get(1)).put("isDefault", "yes");

        assertThat(String.join("\n", schema.problems(list))).contains("uid").contains("isDefault");
    }

    @Test
    void theSchemasRejectADashboardWhoseTimestampsAreNotRfc3339() {
        proxy.take();
        admin.dashboard("peaktrade-general");
        JsonNode dashboard = proxy.take().get(0).json();
        GrafanaApiSchema schema = GrafanaApiSchema.named("dashboard.json");
        assertThat(schema.problems(dashboard)).isEmpty();

        ((ObjectNode) dashboard.get("meta")).put("updated", "yesterday");

        assertThat(String.join("\n", schema.problems(dashboard))).contains("updated");
    }

    @Test
    void aSecondDefaultDataSourceIsFatalBeforeTheListenerOpens(@TempDir Path otherData) throws Exception {
        Map<String, String> env = Map.of("GF_PATHS_PROVISIONING", resource("/standin/two-defaults/provisioning").toString(),
                "GF_PATHS_DATA", otherData.toString(), "GF_SERVER_HTTP_ADDR", "127.0.0.1", "GF_SERVER_HTTP_PORT", "0",
                "STANDIN_COLD_START_MS", "0");

        assertThatThrownBy(() -> StandIn.start(env)).isInstanceOf(Fatal.class).hasMessage("Datasource provisioning error: "
                + "datasource.yaml config is invalid. Only one datasource per organization can be marked as default");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(StandInAnswersMatchGrafanaSchemasTest.class.getResource(name).toURI());
    }

    /** A port nothing listens on (free a moment ago): connecting to it is refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
