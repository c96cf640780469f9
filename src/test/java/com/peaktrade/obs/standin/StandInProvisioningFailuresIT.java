package com.peaktrade.obs.standin;

import static com.peaktrade.obs.standin.GrafanaContainers.ADMIN;
import static com.peaktrade.obs.standin.GrafanaContainers.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.peaktrade.obs.standin.GrafanaContainers.Grafana;
import com.peaktrade.obs.standin.GrafanaContainers.Reply;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning that goes wrong without stopping Grafana (grafana-facts.md §9, §10), the cold start
 * with the image's default timing (§12), and the wording of unreachable data sources (§4).
 */
@ExtendWith(EngineExtension.class)
class StandInProvisioningFailuresIT {
    @TempDir
    static Path dir;
    static TestEngine engine;
    static Grafana grafana;
    /** What polling /api/health saw from the moment the container was started until the first 200. */
    static final List<String> coldStart = new ArrayList<>();
    static long millisToFirst200;

    @BeforeAll
    static void start(TestEngine testEngine) {
        engine = testEngine;
        Path fixture = GrafanaContainers.fixture("failure-modes", dir);
        String network = engine.createNetwork("obs");
        GrafanaContainers.startPrometheus(engine, network);
        long started = System.nanoTime();
        grafana = GrafanaContainers.startGrafana(engine, network, fixture.resolve("provisioning"),
                List.of(fixture.resolve("dashboards") + ":/etc/grafana/dashboards",
                        fixture.resolve("dashboards-editable") + ":/etc/grafana/dashboards-editable"),
                null, List.of("STANDIN_IT_PROMETHEUS_URL=http://prometheus-local:9090", "STANDIN_IT_SCRAPE=5s"));
        long deadline = started + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Reply r = get(grafana.base() + "/api/health", null, null);
                coldStart.add("HTTP " + r.status());
                if (r.status() == 200) {
                    break;
                }
            } catch (UncheckedIOException e) {
                coldStart.add("no answer: " + e.getCause().getClass().getSimpleName());
            }
            GrafanaContainers.sleep(100);
        }
        millisToFirst200 = (System.nanoTime() - started) / 1_000_000;
        GrafanaContainers.awaitJson(grafana.base() + "/api/search?type=dash-db", ADMIN, ADMIN, Duration.ofSeconds(60),
                hits -> hits.size() >= 5);
    }

    private static Reply api(String path) {
        return get(grafana.base() + path, ADMIN, ADMIN);
    }

    private static String logs() {
        return engine.logs(grafana.id());
    }

    @Test
    void fact12_portIsClosedDuringColdStartThenHealthAnswers200() {
        assertThat(coldStart).as("polls of /api/health after start").isNotEmpty();
        assertThat(coldStart.get(coldStart.size() - 1)).isEqualTo("HTTP 200");
        List<String> before = coldStart.subList(0, coldStart.size() - 1);
        assertThat(before).as("no HTTP answer (e.g. 503) before the first 200").isNotEmpty()
                .allMatch(s -> s.startsWith("no answer"));
        assertThat(millisToFirst200).as("cold start, ms").isGreaterThanOrEqualTo(2000);
    }

    @Test
    void fact9_missingUidIsDerivedFromTheNameAndEnvVarsAreInterpolated() {
        Reply r = api("/api/datasources/uid/PBFA97CFB590B2093");
        assertThat(r.status()).as("uid derived from name 'Prometheus': " + api("/api/datasources").body())
                .isEqualTo(200);
        JsonNode ds = r.json();
        assertThat(ds.path("name").asText()).isEqualTo("Prometheus");
        assertThat(ds.path("url").asText()).isEqualTo("http://prometheus-local:9090");
        assertThat(ds.path("access").asText()).as("access defaults to proxy").isEqualTo("proxy");
        assertThat(ds.path("orgId").asLong()).as("orgId defaults to 1").isEqualTo(1);
        assertThat(ds.path("jsonData").path("timeInterval").asText()).isEqualTo("5s");
        assertThat(ds.path("jsonData").path("customQueryParameters").asText()).isEqualTo("price=$5");
        Reply health = api("/api/datasources/uid/PBFA97CFB590B2093/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
    }

    @Test
    void fact9_fileWithoutApiVersionIsDeprecatedAndUnknownKeysAreIgnored() {
        assertThat(logs()).contains("[Deprecated]");
        assertThat(api("/api/datasources").json().findValuesAsText("name"))
                .containsExactly("not-found", "Prometheus", "refused");
    }

    @Test
    void fact4_refusedAndNotFoundDatasourcesAre400ErrorsNamingTheCause() {
        Reply refused = api("/api/datasources/uid/it-refused/health");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("status").asText()).isEqualTo("ERROR");
        assertThat(refused.json().path("message").asText()).matches(
                "Post \"http://prometheus-local:9091/api/v1/query\": dial tcp [0-9.]+:9091: connect: connection refused"
                        + " - There was an error returned querying the Prometheus API\\.");
        Reply notFound = api("/api/datasources/uid/it-not-found/health");
        assertThat(notFound.status()).isEqualTo(400);
        assertThat(notFound.json().path("message").asText()).contains("404 Not Found")
                .endsWith(" - There was an error returned querying the Prometheus API.");
    }

    @Test
    void fact10_missingProviderPathIsAWarningAndTheOtherProvidersLoad() {
        assertThat(logs()).containsPattern("level=warn msg=\"Failed to provision config\" name=missing error=\"[^\"]*"
                + "/etc/grafana/no-such-dir: no such file or directory\"");
        assertThat(api("/api/health").status()).isEqualTo(200);
        assertThat(api("/api/search?type=dash-db").json().findValuesAsText("uid")).contains("it-root", "it-editable");
    }

    @Test
    void fact10_duplicateUidIsAWarningAndTheFirstFileWins() {
        assertThat(logs()).contains("the same UID is used more than once")
                .contains("no database write permissions because of duplicates");
        JsonNode hits = api("/api/search?dashboardUIDs=it-dup").json();
        assertThat(hits.findValuesAsText("title")).containsExactly("First Copy");
    }

    @Test
    void fact10_invalidJsonIsLoggedAndTheOtherFilesLoad() {
        assertThat(logs()).contains("failed to load dashboard from").contains("broken.json");
        assertThat(api("/api/dashboards/uid/it-broken").status()).isEqualTo(404);
        assertThat(api("/api/search?query=Without%20Uid").json().size()).isEqualTo(1);
    }

    @Test
    void fact10_dashboardWithoutUidGetsAGeneratedOne() {
        String uid = api("/api/search?query=Without%20Uid").json().get(0).path("uid").asText();
        assertThat(uid).isNotBlank();
        assertThat(api("/api/dashboards/uid/" + uid).json().path("dashboard").path("title").asText())
                .isEqualTo("Without Uid");
    }

    @Test
    void fact10_folderIsTheImmediateParentDirectoryAndRootFilesAreInGeneral() {
        assertThat(api("/api/folders").json().findValuesAsText("title"))
                .containsExactlyInAnyOrder("b", "team", "Editable");
        JsonNode nested = api("/api/dashboards/uid/it-nested").json().path("meta");
        assertThat(nested.path("folderTitle").asText()).isEqualTo("b");
        assertThat(nested.path("provisionedExternalId").asText()).isEqualTo("a/b/nested.json");
        JsonNode rootHit = api("/api/search?dashboardUIDs=it-root").json().get(0);
        assertThat(rootHit.has("folderUid")).as("General hits carry no folder fields: " + rootHit).isFalse();
        JsonNode rootMeta = api("/api/dashboards/uid/it-root").json().path("meta");
        assertThat(rootMeta.path("folderTitle").asText()).isEqualTo("General");
        assertThat(rootMeta.path("provisionedExternalId").asText()).isEqualTo("root.json");
    }

    @Test
    void fact6_allowUiUpdatesMakesProvisionedFalse() {
        JsonNode meta = api("/api/dashboards/uid/it-editable").json().path("meta");
        assertThat(meta.path("provisioned").asBoolean()).isFalse();
        assertThat(meta.path("folderTitle").asText()).isEqualTo("Editable");
        assertThat(api("/api/dashboards/uid/it-root").json().path("meta").path("provisioned").asBoolean()).isTrue();
    }
}
