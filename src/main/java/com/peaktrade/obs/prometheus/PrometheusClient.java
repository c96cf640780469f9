package com.peaktrade.obs.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.http.HttpTransport;
import com.peaktrade.obs.http.Json;
import com.peaktrade.obs.http.Request;
import com.peaktrade.obs.http.Response;
import com.peaktrade.obs.http.Timed;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prometheus' HTTP API as records (grafana-facts.md §14–§18). Every call is one request within the
 * timeout, never retried; calls that fail throw {@link HttpFailure} (or its
 * {@link PrometheusApiException} for the error envelope). Thread-safe.
 */
public final class PrometheusClient {
    private static final String ZERO_TIME_PREFIX = "0001-01-01";
    private final HttpTransport http;

    public PrometheusClient(URI baseUrl, Duration timeout) {
        this(new HttpTransport(baseUrl, timeout, com.peaktrade.obs.http.ConnectionSettings.PLAIN));
    }

    /** With credentials (basic or bearer), TLS trust and proxy as {@code settings} say; a route prefix stays in the URL. */
    public PrometheusClient(URI baseUrl, Duration timeout, com.peaktrade.obs.http.ConnectionSettings settings) {
        this(new HttpTransport(baseUrl, timeout, settings));
    }

    public PrometheusClient(HttpTransport http) {
        this.http = http;
    }

    public URI baseUrl() {
        return http.baseUrl();
    }

    /** {@code GET /-/ready}: 200 when ready, 503 while starting or stopping; any status is an answer. */
    public Probe ready() {
        return Probe.of(http.send(Request.get("/-/ready").withoutRetry()).requireNoRedirect());
    }

    /** {@code GET /-/healthy}: 200 as soon as it listens; any status is an answer. */
    public Probe healthy() {
        return Probe.of(http.send(Request.get("/-/healthy").withoutRetry()).requireNoRedirect());
    }

    /** {@code GET /api/v1/targets?state=active}: the active targets in Prometheus' order. */
    public Timed<List<Target>> targets() {
        Response response = http.send(Request.get("/api/v1/targets?state=active"));
        Envelope envelope = Envelope.open(response);
        return Timed.of(response.decodeNode(envelope.data(), PrometheusClient::targets), response);
    }

    /**
     * An instant query at "now", sent as a form POST to {@code /api/v1/query} (as Grafana does, so
     * long queries do not hit URL limits).
     *
     * @throws PrometheusApiException bad_data (a parse error), execution, timeout, internal
     */
    public Timed<QueryResult> query(String promql) {
        Response response = http.send(Request.postForm("/api/v1/query", Map.of("query", promql)));
        Envelope envelope = Envelope.open(response);
        return Timed.of(response.decodeNode(envelope.data(),
                data -> queryResult(data, envelope.warnings(), envelope.infos())), response);
    }

    /** {@code GET /api/v1/status/buildinfo}. */
    public Timed<BuildInfo> buildInfo() {
        Response response = http.send(Request.get("/api/v1/status/buildinfo"));
        Envelope envelope = Envelope.open(response);
        return Timed.of(response.decodeNode(envelope.data(), d -> new BuildInfo(Json.text(d, "version"),
                Json.text(d, "revision"), Json.text(d, "branch"), Json.text(d, "buildUser"),
                Json.text(d, "buildDate"), Json.text(d, "goVersion"))), response);
    }

    /** The loaded configuration as YAML text ({@code /api/v1/status/config}, {@code data.yaml}). */
    public Timed<String> config() {
        Response response = http.send(Request.get("/api/v1/status/config"));
        Envelope envelope = Envelope.open(response);
        return Timed.of(response.decodeNode(envelope.data(), d -> required(d, "yaml").asText()), response);
    }

    /**
     * {@code POST /-/reload}. Any status is an answer (200 ok, 403 lifecycle API disabled, 500 config
     * rejected): see {@link ReloadAnswer}. Blocks until Prometheus' first config load is done, within
     * the timeout.
     */
    public ReloadAnswer reload() {
        return ReloadAnswer.of(http.send(Request.post("/-/reload")).requireNoRedirect());
    }

    @Override
    public String toString() {
        return "PrometheusClient[" + http.baseUrl() + "]";
    }

    private static List<Target> targets(JsonNode data) {
        List<Target> out = new ArrayList<>();
        for (JsonNode t : Json.elements(required(data, "activeTargets"))) {
            Map<String, String> labels = Json.stringMap(t.get("labels"));
            out.add(new Target(Json.text(t, "scrapePool"), labels.get("job"), labels.get("instance"),
                    Target.Health.of(Json.text(t, "health")), Json.text(t, "lastError", ""),
                    Json.text(t, "scrapeUrl"), lastScrape(Json.text(t, "lastScrape")),
                    PromValues.seconds(t.path("lastScrapeDuration").asDouble(0)),
                    duration(Json.text(t, "scrapeInterval")), duration(Json.text(t, "scrapeTimeout")), labels));
        }
        return List.copyOf(out);
    }

    private static Instant lastScrape(String text) {
        if (text == null || text.isEmpty() || text.startsWith(ZERO_TIME_PREFIX)) {
            return null;
        }
        return java.time.OffsetDateTime.parse(text).toInstant();
    }

    private static Duration duration(String text) {
        return text == null ? null : PromValues.parseDuration(text);
    }

    private static QueryResult queryResult(JsonNode data, List<String> warnings, List<String> infos) {
        String type = required(data, "resultType").asText();
        JsonNode result = required(data, "result");
        List<Sample> samples = new ArrayList<>();
        switch (type) {
            case "vector":
                for (JsonNode series : Json.elements(result)) {
                    samples.add(sample(series.get("metric"), required(series, "value")));
                }
                break;
            case "matrix":
                for (JsonNode series : Json.elements(result)) {
                    List<JsonNode> points = Json.array(series, "values");
                    if (!points.isEmpty()) {
                        samples.add(sample(series.get("metric"), points.get(points.size() - 1)));
                    }
                }
                break;
            case "scalar":
                samples.add(sample(null, result));
                break;
            default:
                break;
        }
        return new QueryResult(type, List.copyOf(samples), warnings, infos);
    }

    /** {@code [<unix seconds>, "<value>"]}. */
    private static Sample sample(JsonNode metric, JsonNode point) {
        if (!point.isArray() || point.size() != 2) {
            throw new Json.ShapeException("a sample value is not [time, \"value\"]");
        }
        return new Sample(Json.stringMap(metric), PromValues.parseValue(point.get(1).asText()),
                PromValues.unixSeconds(point.get(0).asDouble()));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Json.ShapeException("\"" + field + "\" is missing");
        }
        return value;
    }
}
