package com.peaktrade.obs.standin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus queries as Grafana's promlib runs them: {@code /api/ds/query} results as data frames
 * (grafana-facts.md §8) and the data source health check (§4).
 */
final class Queries {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");
    private static final String HEALTH_ERROR_SUFFIX = " - There was an error returned querying the Prometheus API.";
    private final Prometheus prometheus = new Prometheus();

    /** An HTTP status and a JSON body. */
    record Reply(int status, ObjectNode body) {
    }

    /** GET /api/datasources/uid/{uid}/health for a Prometheus data source. */
    Reply health(Datasources.Datasource ds) {
        ObjectNode body = F.objectNode();
        try {
            // healthcheck.go: instant query "1+1" over the time range Unix(1)..Unix(4)
            prometheus.call(ds.url(), ds.httpMethod(), "/api/v1/query", Map.of("query", "1+1", "time", "4"));
        } catch (Prometheus.CallFailed e) {
            body.put("message", e.getMessage() + HEALTH_ERROR_SUFFIX).put("status", "ERROR");
            return new Reply(400, body);
        }
        try {
            prometheus.call(ds.url(), "GET", "/api/v1/status/buildinfo", Map.of());
            ObjectNode details = body.putObject("details");
            details.put("application", "Prometheus");
            details.putObject("features").put("rulerApiEnabled", false);
        } catch (Prometheus.CallFailed e) {
            // without buildinfo Grafana leaves out "details"
        }
        body.put("message", "Successfully queried the Prometheus API.").put("status", "OK");
        return new Reply(200, body);
    }

    /** One entry of {@code results} for one query of /api/ds/query; "error" set when it failed. */
    ObjectNode run(Datasources.Datasource ds, JsonNode query, long fromMs, long toMs) {
        String refId = query.path("refId").asText("A");
        String expr = query.path("expr").asText("");
        boolean instant = query.path("instant").asBoolean(false);
        boolean range = query.path("range").asBoolean(false) || !instant;
        ArrayNode frames = F.arrayNode();
        try {
            if (instant) {
                JsonNode data = prometheus.call(ds.url(), ds.httpMethod(), "/api/v1/query",
                        Map.of("query", expr, "time", seconds(toMs))).body().path("data");
                addFrames(frames, refId, data);
            }
            if (range) {
                long step = stepMs(ds, query, fromMs, toMs);
                long start = fromMs / step * step;
                long end = toMs / step * step;
                JsonNode data = prometheus.call(ds.url(), ds.httpMethod(), "/api/v1/query_range",
                        Map.of("query", expr, "start", seconds(start), "end", seconds(end),
                                "step", seconds(step))).body().path("data");
                addFrames(frames, refId, data);
            }
        } catch (Prometheus.CallFailed e) {
            ObjectNode failed = F.objectNode();
            failed.put("error", e.getMessage()).put("errorSource", "downstream")
                    .put("status", e.status == 0 ? 500 : e.status);
            return failed;
        }
        ObjectNode ok = F.objectNode();
        ok.put("status", 200);
        ok.set("frames", frames);
        return ok;
    }

    /** Prometheus vector/matrix/scalar data as frames; a result without series gives one empty frame. */
    private static void addFrames(ArrayNode frames, String refId, JsonNode data) {
        String resultType = data.path("resultType").asText();
        boolean matrix = resultType.equals("matrix");
        String metaType = matrix ? "timeseries-multi" : "numeric-multi";
        int before = frames.size();
        JsonNode result = data.path("result");
        if (resultType.equals("scalar")) {
            frames.add(frame(refId, metaType, resultType, null, List.of(result)));
        } else if (resultType.equals("vector") || matrix) {
            for (JsonNode series : result) {
                List<JsonNode> samples = new ArrayList<>();
                if (matrix) {
                    series.path("values").forEach(samples::add);
                } else {
                    samples.add(series.path("value"));
                }
                frames.add(frame(refId, metaType, resultType, series.path("metric"), samples));
            }
        }
        if (frames.size() == before) {
            ObjectNode empty = frames.addObject();
            ObjectNode schema = empty.putObject("schema");
            schema.put("refId", refId);
            schema.set("meta", meta(metaType, resultType));
            schema.putArray("fields");
            empty.putObject("data").putArray("values");
        }
    }

    private static ObjectNode frame(String refId, String metaType, String resultType, JsonNode labels,
            List<JsonNode> samples) {
        ObjectNode frame = F.objectNode();
        ObjectNode schema = frame.putObject("schema");
        schema.put("refId", refId);
        schema.set("meta", meta(metaType, resultType));
        ArrayNode fields = schema.putArray("fields");
        ObjectNode time = fields.addObject().put("name", "Time").put("type", "time");
        time.putObject("typeInfo").put("frame", "time.Time");
        ObjectNode value = fields.addObject().put("name", "Value").put("type", "number");
        value.putObject("typeInfo").put("frame", "float64");
        if (labels != null) {
            value.set("labels", labels.isObject() ? labels : F.objectNode());
        }
        ArrayNode times = F.arrayNode();
        ArrayNode values = F.arrayNode();
        Map<String, ArrayNode> entities = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            JsonNode sample = samples.get(i);
            times.add(Math.round(sample.path(0).asDouble() * 1000));
            String text = sample.path(1).asText();
            String entity = switch (text) {
                case "NaN" -> "NaN";
                case "+Inf", "Inf" -> "Inf";
                case "-Inf" -> "NegInf";
                default -> null;
            };
            if (entity != null) {
                values.addNull();
                entities.computeIfAbsent(entity, k -> F.arrayNode()).add(i);
            } else {
                number(values, Double.parseDouble(text));
            }
        }
        ObjectNode dataNode = frame.putObject("data");
        ArrayNode columns = dataNode.putArray("values");
        columns.add(times);
        columns.add(values);
        if (!entities.isEmpty()) {
            ArrayNode ent = dataNode.putArray("entities");
            ent.addNull();
            ObjectNode valueEntities = ent.addObject();
            entities.forEach(valueEntities::set);
        }
        return frame;
    }

    private static ObjectNode meta(String type, String resultType) {
        ObjectNode meta = F.objectNode();
        meta.put("type", type);
        meta.putArray("typeVersion").add(0).add(1);
        meta.putObject("custom").put("resultType", resultType);
        return meta;
    }

    /** Go's encoding/json writes 1.0 as 1: integral values go out without a fraction. */
    private static void number(ArrayNode into, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            into.add((long) v);
        } else {
            into.add(v);
        }
    }

    private static long stepMs(Datasources.Datasource ds, JsonNode query, long fromMs, long toMs) {
        long minStep = durationMs(ds.jsonData().path("timeInterval").asText(""), 15_000);
        long interval = query.path("intervalMs").asLong(0);
        long safe = (long) Math.ceil((toMs - fromMs) / 11_000.0);
        long step = Math.max(Math.max(minStep, interval), safe);
        return Math.max(step, 1);
    }

    static long durationMs(String text, long fallback) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return fallback;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1000;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            case "d" -> n * 86_400_000;
            case "w" -> n * 7 * 86_400_000;
            default -> n * 365 * 86_400_000;
        };
    }

    /** "now", "now-5m" or epoch milliseconds, as /api/ds/query's from and to. */
    static long parseTime(JsonNode node, long nowMs, long fallbackOffsetMs) {
        String text = node == null || node.isNull() ? "" : node.asText("").trim();
        if (text.isEmpty()) {
            return nowMs - fallbackOffsetMs;
        }
        if (text.equals("now")) {
            return nowMs;
        }
        if (text.startsWith("now-")) {
            long d = durationMs(text.substring(4), -1);
            if (d < 0) {
                throw new IllegalArgumentException("invalid time " + text);
            }
            return nowMs - d;
        }
        return Long.parseLong(text);
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
