package com.peaktrade.obs.standin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Calls a Prometheus data source the way Grafana's promlib does (POST form or GET per
 * {@code jsonData.httpMethod}) and words failures like Go's net/http, so error texts have the real
 * shape: {@code Post "http://prometheus:9091/api/v1/query": dial tcp 172.21.0.10:9091: connect: connection refused}.
 */
final class Prometheus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 401, "Unauthorized",
            403, "Forbidden", 404, "Not Found", 405, "Method Not Allowed", 422, "Unprocessable Entity",
            500, "Internal Server Error", 502, "Bad Gateway", 503, "Service Unavailable", 504, "Gateway Timeout");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A failure worded like the Go error Grafana would report. */
    static final class CallFailed extends Exception {
        /** Prometheus's HTTP status, or 0 when no answer came. */
        final int status;

        CallFailed(String message) {
            this(message, 0);
        }

        CallFailed(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    /** A Prometheus answer: HTTP status and the parsed envelope. */
    record Answer(int status, JsonNode body) {
    }

    /** Calls {@code path} with the data source's HTTP method; non-2xx answers throw with Grafana's error text. */
    Answer call(String baseUrl, String method, String path, Map<String, String> params) throws CallFailed {
        StringJoiner form = new StringJoiner("&");
        new TreeMap<>(params).forEach((k, v) -> form.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String url = baseUrl.replaceAll("/+$", "") + path;
        boolean get = "GET".equals(method);
        if (get && form.length() > 0) {
            url += "?" + form;
        }
        String verb = get ? "Get" : "Post";
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CallFailed("parse \"" + url + "\": " + e.getMessage());
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new CallFailed(verb + " \"" + url + "\": unsupported protocol scheme \""
                    + (uri.getScheme() == null ? "" : uri.getScheme()) + "\"");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        String address;
        try {
            address = InetAddress.getByName(uri.getHost()).getHostAddress() + ":" + port;
        } catch (UnknownHostException e) {
            throw new CallFailed(verb + " \"" + url + "\": dial tcp: lookup " + uri.getHost() + " on "
                    + resolver() + ":53: no such host");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("User-Agent", "Grafana/12.4.5-standin");
        if (get) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new CallFailed(verb + " \"" + url + "\": dial tcp " + address + ": i/o timeout");
        } catch (HttpTimeoutException e) {
            throw new CallFailed(verb + " \"" + url
                    + "\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        } catch (ConnectException e) {
            throw new CallFailed(verb + " \"" + url + "\": dial tcp " + address + ": connect: connection refused");
        } catch (IOException e) {
            throw new CallFailed(verb + " \"" + url + "\": " + (e.getMessage() == null ? "EOF" : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(verb + " \"" + url + "\": context canceled");
        }
        JsonNode body = null;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException notJson) {
            // handled below
        }
        int status = response.statusCode();
        if (body != null && "error".equals(body.path("status").asText())) {
            throw new CallFailed(body.path("errorType").asText() + ": " + body.path("error").asText(), status);
        }
        if (status / 100 != 2 || body == null) {
            throw new CallFailed(status + " " + REASONS.getOrDefault(status, ""), status);
        }
        return new Answer(status, body);
    }

    private static String resolver() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/resolv.conf"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 2 && f[0].equals("nameserver")) {
                    return f[1];
                }
            }
        } catch (IOException e) {
            // fall through to Docker's embedded DNS
        }
        return "127.0.0.11";
    }
}
