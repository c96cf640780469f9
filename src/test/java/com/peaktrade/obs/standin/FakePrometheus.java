package com.peaktrade.obs.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A Prometheus HTTP API on 127.0.0.1 for the in-process stand-in to query: {@code /api/v1/query} and
 * {@code /api/v1/status/buildinfo} with the shapes of grafana-facts.md 17 and 18, for a few fixed
 * expressions ({@code 1+1}, {@code up}, {@code vector(0/0)}, an unclosed brace; anything else matches no
 * series).
 */
final class FakePrometheus implements AutoCloseable {
    private final HttpServer server;

    private FakePrometheus(HttpServer server) {
        this.server = server;
    }

    static FakePrometheus start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakePrometheus prometheus = new FakePrometheus(server);
            server.createContext("/", prometheus::handle);
            server.start();
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String raw = exchange.getRequestURI().getRawQuery();
            String expr = param(form.isEmpty() && raw != null ? raw : form, "query");
            switch (exchange.getRequestURI().getPath()) {
                case "/api/v1/query" -> query(exchange, expr);
                case "/api/v1/status/buildinfo" -> send(exchange, 200, "{\"status\":\"success\",\"data\":{\"version\":"
                        + "\"2.53.5\",\"revision\":\"fake\",\"branch\":\"HEAD\",\"buildUser\":\"root@fake\","
                        + "\"buildDate\":\"20250101-00:00:00\",\"goVersion\":\"go1.22.0\"}}");
                default -> send(exchange, 404, "404 page not found\n");
            }
        }
    }

    private static void query(HttpExchange exchange, String expr) throws IOException {
        String now = String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0);
        if (expr.contains("{") && !expr.contains("}")) {
            send(exchange, 400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter "
                    + "\\\"query\\\": 1:" + (expr.length() + 1) + ": parse error: unexpected end of input inside braces\"}");
            return;
        }
        String result = switch (expr) {
            case "1+1" -> "{\"resultType\":\"scalar\",\"result\":[" + now + ",\"2\"]}";
            case "up" -> "{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"__name__\":\"up\",\"job\":\"shadow_mvs\","
                    + "\"instance\":\"shadow-mvs-exporter:9109\"},\"value\":[" + now + ",\"1\"]}]}";
            case "vector(0/0)" -> "{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[" + now + ",\"NaN\"]}]}";
            default -> "{\"resultType\":\"vector\",\"result\":[]}";
        };
        send(exchange, 200, "{\"status\":\"success\",\"data\":" + result + "}");
    }

    private static String param(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
