package com.peaktrade.obs.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server on 127.0.0.1 and an ephemeral port with canned answers per path, recording
 * what it received. Test helper; no traffic leaves the loopback interface.
 */
public final class FixtureServer implements AutoCloseable {

    /** Writes one answer. */
    @FunctionalInterface
    public interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    /** A request as received. */
    public record Recorded(String method, String pathAndQuery, String authorization, String contentType,
            String accept, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fixture-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Responder fallback = text(404, "text/plain", "404 page not found\n");

    private FixtureServer() throws IOException {
        // as Go servers do: without TCP_NODELAY the JDK server's separate header and body writes wait for
        // the client's delayed ACK, ~40 ms per keep-alive request (read once, at the JDK server's first use)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FixtureServer start() {
        try {
            return new FixtureServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers requests for this path (without query string). */
    public FixtureServer on(String path, Responder responder) {
        routes.put(path, responder);
        return this;
    }

    /** Answers every path without its own route. */
    public FixtureServer onAny(Responder responder) {
        fallback = responder;
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            requests.add(new Recorded(exchange.getRequestMethod(), uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Accept"), body));
            routes.getOrDefault(uri.getPath(), fallback).respond(exchange);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- responders ----

    public static Responder json(int status, String body) {
        return text(status, "application/json", body);
    }

    public static Responder text(int status, String contentType, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    public static Responder redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            byte[] bytes = ("<a href=\"" + location + "\">Found</a>.\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    /** Headers and a first chunk, then a byte every 100 ms forever: read timeouts never fire. */
    public static Responder endlessBody() {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"status\":\"success\",\"data\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(100);
                    out.write(' ');
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up: that is the point
            }
        };
    }

    /** A body of {@code bytes} bytes, streamed without a Content-Length. */
    public static Responder hugeBody(long bytes) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the client gave up
            }
        };
    }

    /** Announces {@code length} bytes, sends {@code partial}, then closes the connection. */
    public static Responder truncated(long length, String partial) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, length);
            OutputStream out = exchange.getResponseBody();
            out.write(partial.getBytes(StandardCharsets.UTF_8));
            out.flush();
            // let the client read the headers and the partial body before the cut, so the failure
            // is "truncated" and not, on a loaded machine, a reset before any answer
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("connection cut on purpose");
        };
    }
}
