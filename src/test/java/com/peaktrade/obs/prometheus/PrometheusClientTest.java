package com.peaktrade.obs.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.http.Hostile;
import com.peaktrade.obs.http.HostileTable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2); // generous: a loaded CI machine must not turn a bad answer into a timeout
    private final FixtureServer server = FixtureServer.start();
    private final PrometheusClient client = new PrometheusClient(server.uri(), TIMEOUT);

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- §14 health ----

    @Test
    void readyIsAnAnswerWithStatusBodyAndLatency() {
        server.on("/-/ready", FixtureServer.text(200, "text/plain; charset=utf-8", "Prometheus Server is Ready.\n"));

        Probe ready = client.ready();

        assertThat(ready.ok()).isTrue();
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("Prometheus Server is Ready.");
        assertThat(ready.url()).isEqualTo(server.uri() + "/-/ready");
        assertThat(ready.latency()).isPositive();
    }

    @Test
    void serviceUnavailableWhileStartingIsAnAnswerNotAFailure() {
        server.on("/-/ready", FixtureServer.text(503, "text/plain; charset=utf-8", "Service Unavailable"));

        Probe ready = client.ready();

        assertThat(ready.ok()).isFalse();
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("Service Unavailable");
    }

    @Test
    void healthyAsksTheHealthyEndpoint() {
        server.on("/-/healthy", FixtureServer.text(200, "text/plain", "Prometheus Server is Healthy.\n"));

        assertThat(client.healthy().body()).isEqualTo("Prometheus Server is Healthy.");
    }

    // ---- §16 targets ----

    static final String TARGETS = "{\"status\":\"success\",\"data\":{\"activeTargets\":["
            + "{\"discoveredLabels\":{\"__address__\":\"shadow-mvs-exporter:9109\",\"__metrics_path__\":\"/metrics\","
            + "\"__scheme__\":\"http\",\"job\":\"shadow_mvs\"},"
            + "\"labels\":{\"instance\":\"shadow-mvs-exporter:9109\",\"job\":\"shadow_mvs\"},"
            + "\"scrapePool\":\"shadow_mvs\",\"scrapeUrl\":\"http://shadow-mvs-exporter:9109/metrics\","
            + "\"globalUrl\":\"http://shadow-mvs-exporter:9109/metrics\",\"lastError\":\"\","
            + "\"lastScrape\":\"2025-06-01T10:15:30.123456789Z\",\"lastScrapeDuration\":0.003141593,"
            + "\"health\":\"up\",\"scrapeInterval\":\"5s\",\"scrapeTimeout\":\"4s\"},"
            + "{\"discoveredLabels\":{\"__address__\":\"host.docker.internal:8000\",\"job\":\"peak_trade_web\"},"
            + "\"labels\":{\"instance\":\"host.docker.internal:8000\",\"job\":\"peak_trade_web\"},"
            + "\"scrapePool\":\"peak_trade_web\",\"scrapeUrl\":\"http://host.docker.internal:8000/metrics\","
            + "\"globalUrl\":\"http://host.docker.internal:8000/metrics\","
            + "\"lastError\":\"Get \\\"http://host.docker.internal:8000/metrics\\\": dial tcp 172.17.0.1:8000: connect: connection refused\","
            + "\"lastScrape\":\"2025-06-01T12:15:31+02:00\",\"lastScrapeDuration\":0.000512,"
            + "\"health\":\"down\",\"scrapeInterval\":\"1m30s\",\"scrapeTimeout\":\"10s\"},"
            + "{\"discoveredLabels\":{},\"labels\":{\"instance\":\"prometheus-local:9090\",\"job\":\"prometheus\"},"
            + "\"scrapePool\":\"prometheus\",\"scrapeUrl\":\"http://prometheus-local:9090/metrics\","
            + "\"globalUrl\":\"http://prometheus-local:9090/metrics\",\"lastError\":\"\","
            + "\"lastScrape\":\"0001-01-01T00:00:00Z\",\"lastScrapeDuration\":0,"
            + "\"health\":\"unknown\",\"scrapeInterval\":\"15s\",\"scrapeTimeout\":\"10s\"}],"
            + "\"droppedTargets\":[],\"droppedTargetCounts\":{\"shadow_mvs\":0}}}";

    @Test
    void targetsAreDecodedIntoRecordsWithHealthTimesAndDurations() {
        server.on("/api/v1/targets", FixtureServer.json(200, TARGETS));

        List<Target> targets = client.targets().value();

        assertThat(targets).hasSize(3);
        Target up = targets.get(0);
        assertThat(up).isEqualTo(new Target("shadow_mvs", "shadow_mvs", "shadow-mvs-exporter:9109", Target.Health.UP,
                "", "http://shadow-mvs-exporter:9109/metrics", Instant.parse("2025-06-01T10:15:30.123456789Z"),
                Duration.ofNanos(3_141_593), Duration.ofSeconds(5), Duration.ofSeconds(4),
                Map.of("instance", "shadow-mvs-exporter:9109", "job", "shadow_mvs")));
        Target down = targets.get(1);
        assertThat(down.health()).isEqualTo(Target.Health.DOWN);
        assertThat(down.health().toString()).isEqualTo("down");
        assertThat(down.lastError()).endsWith("connect: connection refused");
        assertThat(down.lastScrape()).isEqualTo(Instant.parse("2025-06-01T10:15:31Z"));
        assertThat(down.scrapeInterval()).isEqualTo(Duration.ofSeconds(90));
        Target unknown = targets.get(2);
        assertThat(unknown.health()).isEqualTo(Target.Health.UNKNOWN);
        assertThat(unknown.lastScrape()).isNull();
        assertThat(server.requests().get(0).pathAndQuery()).isEqualTo("/api/v1/targets?state=active");
    }

    @Test
    void targetsReportTheirLatencyAndStatus() {
        server.on("/api/v1/targets", FixtureServer.json(200, TARGETS));

        var timed = client.targets();

        assertThat(timed.status()).isEqualTo(200);
        assertThat(timed.latency()).isPositive().isLessThan(TIMEOUT);
    }

    @Test
    void noTargetsYetIsAnEmptyList() {
        server.on("/api/v1/targets", FixtureServer.json(200,
                "{\"status\":\"success\",\"data\":{\"activeTargets\":[],\"droppedTargets\":[],\"droppedTargetCounts\":{}}}"));

        assertThat(client.targets().value()).isEmpty();
    }

    @Test
    void serviceUnavailableBeforeReadyIsANotReadyFailure() {
        server.on("/api/v1/targets", FixtureServer.text(503, "text/plain; charset=utf-8", "Service Unavailable"));

        HttpFailure failure = catchThrowableOfType(client::targets, HttpFailure.class);

        assertThat(failure).isNotInstanceOf(PrometheusApiException.class);
        assertThat(failure.notReady()).isTrue();
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.status()).isEqualTo(503);
    }

    @Test
    void anEnvelopeWithoutDataIsABadResponse() {
        server.on("/api/v1/targets", FixtureServer.json(200, "{\"status\":\"success\"}"));

        HttpFailure failure = catchThrowableOfType(client::targets, HttpFailure.class);

        assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("not a Prometheus API answer");
    }

    @Test
    void targetsOfTheWrongShapeAreABadResponseNotANullPointer() {
        server.on("/api/v1/targets", FixtureServer.json(200, "{\"status\":\"success\",\"data\":{\"activeTargets\":{}}}"));

        HttpFailure failure = catchThrowableOfType(client::targets, HttpFailure.class);

        assertThat(failure.kind()).isEqualTo(HttpFailure.Kind.BAD_RESPONSE);
        assertThat(failure.getMessage()).contains("unexpected JSON shape");
    }

    // ---- §17 query ----

    @Test
    void anInstantQueryIsAFormPostAndSpecialValuesAreKeptAsDoubles() {
        server.on("/api/v1/query", FixtureServer.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                + "\"result\":[{\"metric\":{\"mode\":\"shadow\",\"stage\":\"fill\"},\"value\":[1748772930.5,\"0.25\"]},"
                + "{\"metric\":{\"mode\":\"shadow\",\"stage\":\"error\"},\"value\":[1748772930.5,\"NaN\"]},"
                + "{\"metric\":{\"edge\":\"a\"},\"value\":[1748772930.5,\"+Inf\"]},"
                + "{\"metric\":{\"edge\":\"b\"},\"value\":[1748772930.5,\"-Inf\"]}]},"
                + "\"warnings\":[\"PromQL warning: something\"],\"infos\":[\"PromQL info: metric might not be a counter\"]}"));

        QueryResult result = client.query("sum by (mode, stage) (rate(peak_trade_pipeline_events_total[5m]))").value();

        assertThat(result.resultType()).isEqualTo("vector");
        assertThat(result.samples()).extracting(Sample::value)
                .containsExactly(0.25, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertThat(result.samples().get(0).metric()).containsExactly(Map.entry("mode", "shadow"), Map.entry("stage", "fill"));
        assertThat(result.samples().get(0).timestamp()).isEqualTo(Instant.parse("2025-06-01T10:15:30.500Z"));
        assertThat(result.samples().get(1).isFinite()).isFalse();
        assertThat(result.allFinite()).isFalse();
        assertThat(result.warnings()).containsExactly("PromQL warning: something");
        assertThat(result.infos()).containsExactly("PromQL info: metric might not be a counter");
        FixtureServer.Recorded request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEqualTo(
                "query=sum+by+%28mode%2C+stage%29+%28rate%28peak_trade_pipeline_events_total%5B5m%5D%29%29");
    }

    @Test
    void noMatchIsAnEmptyVector() {
        server.on("/api/v1/query", FixtureServer.json(200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));

        QueryResult result = client.query("up{job=\"nope\"}").value();

        assertThat(result.isEmpty()).isTrue();
        assertThat(result.allFinite()).isFalse();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aScalarResultIsOneSampleWithoutLabels() {
        server.on("/api/v1/query", FixtureServer.json(200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1748772930,\"2\"]}}"));

        QueryResult result = client.query("1+1").value();

        assertThat(result.samples()).containsExactly(new Sample(Map.of(), 2.0, Instant.ofEpochSecond(1748772930)));
    }

    @Test
    void aMatrixResultKeepsEachSeriesLastPoint() {
        server.on("/api/v1/query", FixtureServer.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                + "\"result\":[{\"metric\":{\"job\":\"x\"},\"values\":[[1,\"1\"],[2,\"5\"]]}]}}"));

        assertThat(client.query("up[1m]").value().samples()).extracting(Sample::value).containsExactly(5.0);
    }

    @Test
    void aParseErrorIsAPrometheusApiExceptionWithTypeAndText() {
        server.on("/api/v1/query", FixtureServer.json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\","
                + "\"error\":\"invalid parameter \\\"query\\\": 1:5: parse error: unexpected right parenthesis ')'\"}"));

        PrometheusApiException e = catchThrowableOfType(() -> client.query("sum())"), PrometheusApiException.class);

        assertThat(e.errorType()).isEqualTo("bad_data");
        assertThat(e.error()).isEqualTo("invalid parameter \"query\": 1:5: parse error: unexpected right parenthesis ')'");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.kind()).isEqualTo(HttpFailure.Kind.HTTP_STATUS);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("POST " + server.uri() + "/api/v1/query: HTTP 400 Prometheus bad_data error: "
                + "invalid parameter \"query\": 1:5: parse error: unexpected right parenthesis ')'");
    }

    @Test
    void executionAndTimeoutErrorsAreApiErrorsNotNotReady() {
        server.on("/api/v1/query", FixtureServer.json(503,
                "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}"));

        PrometheusApiException timeout = catchThrowableOfType(() -> client.query("x"), PrometheusApiException.class);

        assertThat(timeout.errorType()).isEqualTo("timeout");
        assertThat(timeout.notReady()).isFalse();

        server.on("/api/v1/query", FixtureServer.json(422,
                "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"many-to-many matching not allowed\"}"));

        assertThat(catchThrowableOfType(() -> client.query("x"), PrometheusApiException.class).errorType())
                .isEqualTo("execution");
    }

    @Test
    void anUnparseableSampleValueIsABadResponse() {
        server.on("/api/v1/query", FixtureServer.json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                + "\"result\":[{\"metric\":{},\"value\":[1,\"lots\"]}]}}"));

        assertThat(catchThrowableOfType(() -> client.query("x"), HttpFailure.class).kind())
                .isEqualTo(HttpFailure.Kind.BAD_RESPONSE);
    }

    // ---- §18 status ----

    @Test
    void buildInfoAndConfigAreDecoded() {
        server.on("/api/v1/status/buildinfo", FixtureServer.json(200, "{\"status\":\"success\",\"data\":{"
                + "\"version\":\"3.14.0\",\"revision\":\"abc123\",\"branch\":\"HEAD\",\"buildUser\":\"root@x\","
                + "\"buildDate\":\"20250601-10:00:00\",\"goVersion\":\"go1.24.3\"}}"));
        server.on("/api/v1/status/config", FixtureServer.json(200,
                "{\"status\":\"success\",\"data\":{\"yaml\":\"global:\\n  scrape_interval: 5s\\n\"}}"));

        assertThat(client.buildInfo().value())
                .isEqualTo(new BuildInfo("3.14.0", "abc123", "HEAD", "root@x", "20250601-10:00:00", "go1.24.3"));
        assertThat(client.config().value()).isEqualTo("global:\n  scrape_interval: 5s\n");
    }

    // ---- §15 reload ----

    @Test
    void reloadIsAPostAndEachOfItsAnswersIsExplainable() {
        server.on("/-/reload", FixtureServer.text(200, "text/plain", ""));
        ReloadAnswer ok = client.reload();
        assertThat(ok.ok()).isTrue();
        assertThat(ok.body()).isEmpty();
        assertThat(server.requests().get(0).method()).isEqualTo("POST");

        server.on("/-/reload", FixtureServer.text(403, "text/plain; charset=utf-8", "Lifecycle API is not enabled."));
        ReloadAnswer disabled = client.reload();
        assertThat(disabled.lifecycleDisabled()).isTrue();
        assertThat(disabled.ok()).isFalse();

        server.on("/-/reload", FixtureServer.text(500, "text/plain; charset=utf-8",
                "failed to reload config: couldn't load configuration (--config.file=\"/etc/prometheus/prometheus.yml\"): "
                        + "parsing YAML file /etc/prometheus/prometheus.yml: yaml: line 3: did not find expected key\n"));
        ReloadAnswer rejected = client.reload();
        assertThat(rejected.configRejected()).isTrue();
        assertThat(rejected.lifecycleDisabled()).isFalse();
        assertThat(rejected.body()).startsWith("failed to reload config:").endsWith("did not find expected key");
    }

    // ---- hostile peers, every call ----

    private static Map<Hostile, HostileTable.Expect> probeTable() {
        return HostileTable.strictJsonExcept(Map.of(
                Hostile.GARBAGE_JSON, HostileTable.answers(a -> assertThat(status(a)).isEqualTo(200)),
                Hostile.HTML_LOGIN_PAGE_200, HostileTable.answers(a -> assertThat(status(a)).isEqualTo(200)),
                Hostile.ERROR_500_WITH_BODY, HostileTable.answers(a -> assertThat(status(a)).isEqualTo(500))));
    }

    private static int status(Object answer) {
        return answer instanceof Probe ? ((Probe) answer).status() : ((ReloadAnswer) answer).status();
    }

    private static void hostile(String name, Map<Hostile, HostileTable.Expect> table,
            Function<PrometheusClient, Object> call) {
        HostileTable.run(name, TIMEOUT, table, (URI uri) -> call.apply(new PrometheusClient(uri, TIMEOUT)));
    }

    @Test
    void readyHealthyAndReloadAnswerHostilePeersOrFailTyped() {
        hostile("ready", probeTable(), PrometheusClient::ready);
        hostile("healthy", probeTable(), PrometheusClient::healthy);
        hostile("reload", probeTable(), PrometheusClient::reload);
    }

    @Test
    void targetsFailTypedAgainstEveryHostilePeer() {
        hostile("targets", HostileTable.strictJson(), PrometheusClient::targets);
    }

    @Test
    void queryFailsTypedAgainstEveryHostilePeer() {
        hostile("query", HostileTable.strictJson(), c -> c.query("up"));
    }

    @Test
    void buildInfoAndConfigFailTypedAgainstEveryHostilePeer() {
        hostile("buildInfo", HostileTable.strictJson(), PrometheusClient::buildInfo);
        hostile("config", HostileTable.strictJson(), PrometheusClient::config);
    }
}
