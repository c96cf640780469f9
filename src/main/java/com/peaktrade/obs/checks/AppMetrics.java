package com.peaktrade.obs.checks;

import com.peaktrade.obs.prometheus.exposition.Exposition;
import com.peaktrade.obs.prometheus.exposition.MetricFamily;
import com.peaktrade.obs.prometheus.exposition.Scrape;
import java.util.List;
import java.util.Locale;

/**
 * The Peak_Trade web app's {@code /metrics} states (SPEC §3), told apart from one answer:
 * enabled, client present but flag off, fail-open fallback ("green fake"), strict 503, or
 * something else.
 */
public final class AppMetrics {
    public static final String FALLBACK = "peak_trade_metrics_fallback";
    public static final String STRICT_TEXT = "prometheus_client required but unavailable";
    public static final String ENABLE_FLAG = "PEAK_TRADE_PROMETHEUS_ENABLED";
    public static final String STRICT_FLAG = "REQUIRE_PROMETHEUS_CLIENT";
    static final String HTTP_PREFIX = "peak_trade_http_";

    /** The states, each with the words output uses. */
    public enum State {
        ENABLED("enabled"),
        FLAG_OFF("prometheus_client present, flag off"),
        FALLBACK("fail-open fallback (green fake)"),
        STRICT_UNAVAILABLE("strict: prometheus_client unavailable"),
        UNEXPECTED("not the app's metrics");

        private final String words;

        State(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * What was seen.
     *
     * @param families  family names found (python_*, process_*, peak_trade_*), for evidence
     * @param httpFamilies the peak_trade_http_* families
     */
    public record Verdict(State state, String message, List<String> families, List<String> httpFamilies) {
        public boolean ok() {
            return state == State.ENABLED;
        }
    }

    /** The incident runbook's fix, for the fallback and strict states. */
    public static final String RUNBOOK_HINT = "the app runs under a Python without prometheus_client (the incident: system "
            + "python3 instead of the project's venv). Stop it and start it from the project's venv with the flag set: "
            + ENABLE_FLAG + "=1 " + STRICT_FLAG + "=1 .venv/bin/python scripts/live_web_server.py --host 127.0.0.1 --port 8000 "
            + "(" + STRICT_FLAG + "=1 makes a missing client a visible 503 instead of a green fake)";

    public static final String FLAG_HINT = "set " + ENABLE_FLAG + "=1 in the app's environment and restart it; "
            + "only then are the peak_trade_http_* metrics instrumented";

    private AppMetrics() {
    }

    public static Verdict classify(Scrape scrape) {
        String body = scrape.body() == null ? "" : scrape.body();
        if (scrape.status() == 503 && body.contains(STRICT_TEXT)) {
            return new Verdict(State.STRICT_UNAVAILABLE, "HTTP 503 \"" + STRICT_TEXT + "\": strict mode ("
                    + STRICT_FLAG + "=1) and the app's Python lacks prometheus_client", List.of(), List.of());
        }
        if (!scrape.ok()) {
            return new Verdict(State.UNEXPECTED, "HTTP " + scrape.status() + (body.isBlank() ? "" : ": " + excerpt(body)),
                    List.of(), List.of());
        }
        Exposition exposition = Exposition.parse(body);
        List<String> names = exposition.families().stream().map(MetricFamily::name).toList();
        List<String> python = names.stream().filter(n -> n.startsWith("python_") || n.startsWith("process_")).toList();
        List<String> http = names.stream().filter(n -> n.startsWith(HTTP_PREFIX)).toList();
        boolean fallback = exposition.samples(FALLBACK).stream().anyMatch(s -> s.value() == 1.0);
        if (fallback && http.isEmpty()) {
            return new Verdict(State.FALLBACK, "only the fail-open fallback signal \"" + FALLBACK + " 1\" (HTTP 200): "
                    + "a green fake, the app has no real metrics", names, http);
        }
        if (!http.isEmpty()) {
            return new Verdict(State.ENABLED, "real metrics: " + summary(python) + " plus " + http.size()
                    + " peak_trade_http_* families (" + String.join(", ", http.subList(0, Math.min(3, http.size()))) + ")",
                    names, http);
        }
        if (!python.isEmpty()) {
            return new Verdict(State.FLAG_OFF, "prometheus_client is present (" + summary(python)
                    + ") but no peak_trade_http_* metrics: " + ENABLE_FLAG + " is not set", names, http);
        }
        return new Verdict(State.UNEXPECTED, names.isEmpty() ? "HTTP 200 but no metrics in the body"
                : "HTTP 200 with " + names.size() + " families, none of python_*, process_*, peak_trade_http_* or "
                        + FALLBACK, names, http);
    }

    private static String summary(List<String> python) {
        long py = python.stream().filter(n -> n.startsWith("python_")).count();
        long proc = python.size() - py;
        return py + " python_* and " + proc + " process_* families";
    }

    static String excerpt(String body) {
        String one = body.strip().replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }

    /** Lower-case host:port of a URL, for messages. */
    static String hostPort(java.net.URI url) {
        int port = url.getPort() >= 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
        return url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
