package com.peaktrade.obs.contract.init;

import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.prometheus.exposition.Exposition;
import com.peaktrade.obs.prometheus.exposition.ExpositionScraper;
import com.peaktrade.obs.prometheus.exposition.MetricSample;
import com.peaktrade.obs.promql.Expr;
import com.peaktrade.obs.promql.PromqlParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Prometheus for tests that scrapes one exporter as one job: its targets are the given ones, and
 * a query has data exactly when every selector in it matches a series the exporter serves now (or
 * {@code up} of a job that is up). Enough to tell proposed golden queries over real series from
 * queries over series that do not exist; it also answers Grafana's datasource health check.
 */
final class ScrapingPrometheus implements AutoCloseable {
    /** One active target. */
    record FakeTarget(String job, String scrapeUrl, boolean up, String lastError) {
    }

    private final FixtureServer server;
    private final List<FakeTarget> targets;
    private final String exporterJob;
    private final URI exporter;

    private ScrapingPrometheus(List<FakeTarget> targets, String exporterJob, URI exporter) {
        this.targets = List.copyOf(targets);
        this.exporterJob = exporterJob;
        this.exporter = exporter;
        this.server = FixtureServer.start()
                .on("/api/v1/targets", FixtureServer.json(200, "{\"status\":\"success\",\"data\":{\"activeTargets\":["
                        + String.join(",", this.targets.stream().map(ScrapingPrometheus::json).toList()) + "],\"droppedTargets\":[]}}"))
                .on("/api/v1/status/buildinfo", FixtureServer.json(200, "{\"status\":\"success\",\"data\":{\"version\":\"2.53.5\"}}"))
                .on("/api/v1/query", this::query);
    }

    static ScrapingPrometheus start(List<FakeTarget> targets, String exporterJob, URI exporter) {
        return new ScrapingPrometheus(targets, exporterJob, exporter);
    }

    URI uri() {
        return server.uri();
    }

    /** Its callers ask one thing at a time: the last request recorded is the one being answered. */
    private void query(HttpExchange exchange) throws IOException {
        List<FixtureServer.Recorded> seen = server.requests();
        String form = seen.get(seen.size() - 1).body();
        String raw = exchange.getRequestURI().getRawQuery();
        String expr = param(form.isEmpty() && raw != null ? raw : form, "query");
        String now = String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0);
        FixtureServer.json(200, "{\"status\":\"success\",\"data\":" + ("1+1".equals(expr)
                ? "{\"resultType\":\"scalar\",\"result\":[" + now + ",\"2\"]}"
                : "{\"resultType\":\"vector\",\"result\":[" + (hasData(expr) ? "{\"metric\":{},\"value\":[" + now + ",\"1\"]}" : "")
                + "]}") + "}").respond(exchange);
    }

    private boolean hasData(String expr) {
        Exposition served = new ExpositionScraper(Duration.ofSeconds(5)).scrape(exporter).parse();
        List<Expr.Selector> selectors = new ArrayList<>();
        PromqlParser.parse(expr).walk(e -> {
            if (e instanceof Expr.Selector s) {
                selectors.add(s);
            }
        });
        return !selectors.isEmpty() && selectors.stream().allMatch(s -> matches(s, served));
    }

    private boolean matches(Expr.Selector selector, Exposition served) {
        String job = selector.matchers().stream().filter(m -> m.label().equals("job")).map(Expr.Matcher::value).findFirst().orElse(null);
        if ("up".equals(selector.name())) {
            return targets.stream().anyMatch(t -> t.up() && (job == null || t.job().equals(job)));
        }
        if (job != null && !job.equals(exporterJob)) {
            return false;
        }
        for (MetricSample sample : served.samples()) {
            boolean all = sample.name().equals(selector.name()) && selector.matchers().stream()
                    .filter(m -> !m.label().equals("job") && m.isEquality()).allMatch(m -> m.value().equals(sample.label(m.label())));
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static String json(FakeTarget t) {
        URI url = URI.create(t.scrapeUrl());
        return "{\"discoveredLabels\":{},\"labels\":{\"instance\":\"" + url.getHost() + ":" + url.getPort() + "\",\"job\":\"" + t.job()
                + "\"},\"scrapePool\":\"" + t.job() + "\",\"scrapeUrl\":\"" + t.scrapeUrl() + "\",\"globalUrl\":\"" + t.scrapeUrl()
                + "\",\"lastError\":\"" + t.lastError() + "\",\"lastScrape\":\"2026-01-01T00:00:00Z\",\"lastScrapeDuration\":0.01,"
                + "\"health\":\"" + (t.up() ? "up" : "down") + "\",\"scrapeInterval\":\"5s\",\"scrapeTimeout\":\"5s\"}";
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

    @Override
    public void close() {
        server.close();
    }
}
