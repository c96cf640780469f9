package com.peaktrade.obs.checks;

import com.peaktrade.obs.grafana.GrafanaClient;
import com.peaktrade.obs.grafana.GrafanaHealth;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.prometheus.Probe;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.exposition.Exposition;
import com.peaktrade.obs.prometheus.exposition.ExpositionScraper;
import com.peaktrade.obs.prometheus.exposition.Scrape;
import com.peaktrade.obs.exporter.ShadowMvsContract;
import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.stack.Endpoint;
import com.peaktrade.obs.stack.Endpoints;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code debug health}: one request per endpoint, no retries: Prometheus ready and healthy
 * (with its version), Grafana /api/health (with its version), the exporter's /metrics and, when
 * given, the web app's /metrics.
 */
public final class HealthSnapshot {
    private final Duration timeout;

    public HealthSnapshot(Duration timeout) {
        this.timeout = timeout;
    }

    /** Probes the endpoints given or found published; for a role the project could not place, says why. */
    public List<EndpointHealth> probe(Endpoints endpoints, URI appUrl) {
        List<Supplier<EndpointHealth>> probes = new ArrayList<>();
        endpoints.found(Role.PROMETHEUS).ifPresentOrElse(found -> {
            URI base = found.url();
            PrometheusClient prometheus = new PrometheusClient(base, timeout, found.settings());
            probes.add(() -> prometheusProbe("prometheus ready", base + "/-/ready", () -> {
                Probe p = prometheus.ready();
                String version = version(prometheus);
                return new EndpointHealth("", p.url(), p.status(), p.latency(), p.body().strip()
                        + (version == null ? "" : " (Prometheus " + version + ")"), p.ok());
            }));
            probes.add(() -> prometheusProbe("prometheus healthy", base + "/-/healthy", () -> {
                Probe p = prometheus.healthy();
                return new EndpointHealth("", p.url(), p.status(), p.latency(), p.body().strip(), p.ok());
            }));
        }, () -> missing(endpoints, Role.PROMETHEUS, probes));
        endpoints.found(Role.GRAFANA).ifPresentOrElse(g -> probes.add(() -> grafana(g)),
                () -> missing(endpoints, Role.GRAFANA, probes));
        endpoints.found(Role.EXPORTER).ifPresentOrElse(e -> probes.add(() -> exporter(e)),
                () -> missing(endpoints, Role.EXPORTER, probes));
        if (appUrl != null) {
            probes.add(() -> app(appUrl));
        }
        // one after the other: concurrent first requests in a fresh JVM would each report the others'
        // start-up cost as their latency
        return probes.stream().map(Supplier::get).toList();
    }

    private EndpointHealth prometheusProbe(String name, String url, Supplier<EndpointHealth> call) {
        long start = System.nanoTime();
        try {
            EndpointHealth h = call.get();
            return new EndpointHealth(name, h.url(), h.status(), h.latency(), h.detail(), h.ok());
        } catch (HttpFailure f) {
            return failed(name, url, f, start);
        }
    }

    private String version(PrometheusClient prometheus) {
        try {
            return prometheus.buildInfo().value().version();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private EndpointHealth grafana(Endpoint endpoint) {
        URI base = endpoint.url();
        String url = base + "/api/health";
        long start = System.nanoTime();
        try {
            GrafanaHealth h = new GrafanaClient(base, timeout, endpoint.settings()).health();
            String detail = "database " + h.database() + ", version " + (h.version() == null ? "hidden" : h.version());
            return new EndpointHealth("grafana", url, h.httpStatus(), h.latency(), detail, h.ok());
        } catch (HttpFailure f) {
            return failed("grafana", url, f, start);
        }
    }

    private EndpointHealth exporter(Endpoint endpoint) {
        URI url = endpoint.url();
        long start = System.nanoTime();
        try {
            Scrape s = new ExpositionScraper(timeout, endpoint.settings()).scrape(url);
            if (!s.ok()) {
                return new EndpointHealth("exporter", s.url(), s.status(), s.latency(), AppMetrics.excerpt(s.body()), false);
            }
            Exposition e = s.parse();
            boolean up = e.samples(ShadowMvsContract.UP).stream().anyMatch(x -> x.value() == 1.0);
            return new EndpointHealth("exporter", s.url(), s.status(), s.latency(), e.families().size() + " families, "
                    + ShadowMvsContract.UP + (up ? " 1" : " missing"), up);
        } catch (HttpFailure f) {
            return failed("exporter", url.toString(), f, start);
        }
    }

    private EndpointHealth app(URI url) {
        long start = System.nanoTime();
        try {
            Scrape s = new ExpositionScraper(timeout).scrape(url);
            AppMetrics.Verdict v = AppMetrics.classify(s);
            return new EndpointHealth("app", s.url(), s.status(), s.latency(), v.state().words(), v.ok());
        } catch (HttpFailure f) {
            return failed("app", url.toString(), f, start);
        }
    }

    /** A line saying why the project gives no URL for the role, when it said why. */
    private static void missing(Endpoints endpoints, Role role, List<Supplier<EndpointHealth>> probes) {
        if (endpoints.unavailable().containsKey(role)) {
            String why = endpoints.unavailable().get(role);
            probes.add(() -> new EndpointHealth(role.key(), null, HttpFailure.NO_STATUS, null, why, false));
        }
    }

    private static EndpointHealth failed(String name, String url, HttpFailure f, long startNanos) {
        String problem = Failures.problem(f);
        return new EndpointHealth(name, url, f.status(), Duration.ofNanos(System.nanoTime() - startNanos),
                f.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + problem, false);
    }
}
