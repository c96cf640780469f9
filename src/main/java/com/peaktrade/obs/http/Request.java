package com.peaktrade.obs.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What to send: method, a path relative to the transport's base URL (with its query string; "" for
 * the base URL itself), an optional body, extra headers, whether to send the credentials, and whether
 * a 429 or transient 5xx may be retried ({@link RetryPolicy}).
 */
public record Request(String method, String path, String contentType, String body, Map<String, String> headers,
        boolean withCredentials, boolean retry) {

    public Request {
        headers = Map.copyOf(headers);
    }

    public static Request get(String path) {
        return new Request("GET", path, null, null, Map.of(), true, true);
    }

    /** POST without a body (Prometheus {@code /-/reload}). */
    public static Request post(String path) {
        return new Request("POST", path, null, "", Map.of(), true, true);
    }

    /** POST of {@code application/x-www-form-urlencoded} fields, in the given order. */
    public static Request postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return new Request("POST", path, "application/x-www-form-urlencoded", form, Map.of(), true, true);
    }

    public static Request postJson(String path, String json) {
        return new Request("POST", path, "application/json", json, Map.of(), true, true);
    }

    /** The same request without the Authorization header (Grafana {@code /api/health} needs none). */
    public Request withoutCredentials() {
        return new Request(method, path, contentType, body, headers, false, retry);
    }

    /**
     * The same request, sent once whatever the answer: for probes whose caller polls and reads a 503
     * as an answer (Grafana's health, Prometheus' readiness).
     */
    public Request withoutRetry() {
        return new Request(method, path, contentType, body, headers, withCredentials, false);
    }

    public Request header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Request(method, path, contentType, body, more, withCredentials, retry);
    }

    /** Percent-encodes a query or form value (spaces as {@code +}). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
