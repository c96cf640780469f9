package com.peaktrade.obs.exporter;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * {@code /metrics}: client_java's scrape handler renders each answer (format negotiation on
 * Accept, escaping, gzip on Accept-Encoding, HEAD), and an answer is replayed to every request of
 * the same kind until the tick ends.
 *
 * <p>Why replaying is exact: every value is a pure function of uptime, and the registry reads
 * uptime rounded down to the tick ({@link ShadowMvsExporter#TICK_MILLIS}), so rendering again
 * anywhere in the same tick would give the same bytes. An answer is kept only when the tick did
 * not change while it was rendered, and answers of a past tick are dropped when a new tick starts,
 * so a scraper never sees a counter go backwards, whatever it asks for.
 *
 * <p>The key of an answer is everything the rendering reads: method, path, Accept and
 * Accept-Encoding (the rendering sees no other header). Requests with a query string
 * ({@code name[]=}, {@code debug=}) or another method go to client_java's own handler, uncached; so
 * does a request whose rendering failed, so that client_java reports the error as it always does.
 * At most {@value #MAX_KINDS} kinds are kept per tick, so odd headers cannot grow the memory.
 */
final class TickCachedScrapeHandler implements HttpHandler {
    static final int MAX_KINDS = 16;

    private final PrometheusScrapeHandler renderer;
    private final HttpHandler uncached;
    private final LongSupplier tick;
    private final AtomicReference<TickAnswers> current = new AtomicReference<>(new TickAnswers(Long.MIN_VALUE));

    /** {@code tick}: the number of the current tick, the same clock the registry's uptime is rounded to. */
    TickCachedScrapeHandler(PrometheusRegistry registry, LongSupplier tick) {
        this.renderer = new PrometheusScrapeHandler(registry);
        this.uncached = new MetricsHandler(registry);
        this.tick = tick;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (exchange.getRequestURI().getRawQuery() != null || !(method.equals("GET") || method.equals("HEAD"))) {
            uncached.handle(exchange);
            return;
        }
        Kind kind = new Kind(method, exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().get("Accept"), exchange.getRequestHeaders().get("Accept-Encoding"));
        long tickNow = tick.getAsLong();
        Map<Kind, Answer> answers = answersOf(tickNow);
        Answer answer = answers == null ? null : answers.get(kind);
        if (answer == null) {
            answer = render(kind);
            if (answer == null) {
                uncached.handle(exchange);
                return;
            }
            if (answers != null && tick.getAsLong() == tickNow && answers.size() < MAX_KINDS) {
                answers.putIfAbsent(kind, answer);
            }
        }
        replay(answer, exchange);
    }

    /** The answers of tick {@code number}, started afresh when it is new; null once a later tick has begun. */
    private Map<Kind, Answer> answersOf(long number) {
        while (true) {
            TickAnswers answers = current.get();
            if (answers.number() == number) {
                return answers.byKind();
            }
            if (answers.number() > number) {
                return null;
            }
            current.compareAndSet(answers, new TickAnswers(number));
        }
    }

    private Answer render(Kind kind) {
        Recording recording = new Recording(kind);
        try {
            renderer.handleRequest(recording);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return recording.status == 0 ? null
                : new Answer(recording.status, Map.copyOf(recording.headers), recording.body.toByteArray());
    }

    private static void replay(Answer answer, HttpExchange exchange) throws IOException {
        try {
            Headers headers = exchange.getResponseHeaders();
            answer.headers().forEach(headers::set);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(answer.status(), -1);
            } else {
                exchange.sendResponseHeaders(answer.status(), answer.body().length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(answer.body());
                }
            }
        } finally {
            exchange.close();
        }
    }

    /** What a rendering depends on. */
    private record Kind(String method, String path, List<String> accept, List<String> acceptEncoding) {
        Kind {
            accept = accept == null ? List.of() : List.copyOf(accept);
            acceptEncoding = acceptEncoding == null ? List.of() : List.copyOf(acceptEncoding);
        }
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private record TickAnswers(long number, Map<Kind, Answer> byKind) {
        TickAnswers(long number) {
            this(number, new ConcurrentHashMap<>());
        }
    }

    /** A request made of a {@link Kind} only, whose answer is kept in memory. */
    private static final class Recording implements PrometheusHttpExchange, PrometheusHttpRequest,
            PrometheusHttpResponse {
        private final Kind kind;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        private int status;

        Recording(Kind kind) {
            this.kind = kind;
        }

        @Override
        public PrometheusHttpRequest getRequest() {
            return this;
        }

        @Override
        public PrometheusHttpResponse getResponse() {
            return this;
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            List<String> values = name.equalsIgnoreCase("Accept") ? kind.accept()
                    : name.equalsIgnoreCase("Accept-Encoding") ? kind.acceptEncoding() : List.of();
            return Collections.enumeration(values);
        }

        @Override
        public String getMethod() {
            return kind.method();
        }

        @Override
        public String getRequestPath() {
            return kind.path();
        }

        @Override
        public void setHeader(String name, String value) {
            headers.put(name, value);
        }

        @Override
        public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
            status = statusCode;
            return body;
        }

        @Override
        public void handleException(IOException e) throws IOException {
            throw e;
        }

        @Override
        public void handleException(RuntimeException e) {
            throw e;
        }

        @Override
        public void close() {
            // nothing to release: the answer is in memory
        }
    }
}
