package com.peaktrade.obs.checks;

import com.peaktrade.obs.check.Check;
import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.Target;
import com.peaktrade.obs.prometheus.exposition.ExpositionScraper;
import com.peaktrade.obs.prometheus.exposition.Scrape;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code app verify}: {@code app.metrics} (which of the web app's /metrics states it serves) and
 * {@code app.target} (whether our Prometheus' job peak_trade_web scrapes it). Both are snapshots.
 */
public final class AppChecks {
    public static final String METRICS = "app.metrics";
    public static final String TARGET = "app.target";
    public static final String JOB = "peak_trade_web";
    public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:8000/metrics");

    /**
     * What app verify talks to.
     *
     * @param prometheus       our Prometheus, or null when none is reachable ({@code noPrometheus} says why)
     * @param prometheusSource e.g. "project peaktrade-shadow-mvs" or "--prometheus-url"
     */
    public record Context(URI appUrl, ExpositionScraper scraper, PrometheusClient prometheus, String prometheusSource,
            String noPrometheus) {
    }

    private AppChecks() {
    }

    public static List<Check> checks(Context ctx) {
        return List.of(metrics(ctx), target(ctx));
    }

    static Check metrics(Context ctx) {
        return Check.of(METRICS, Duration.ofSeconds(15), c -> {
            String where = AppMetrics.hostPort(ctx.appUrl());
            Scrape scrape;
            try {
                scrape = ctx.scraper().scrape(ctx.appUrl());
            } catch (HttpFailure f) {
                if (f.kind() == HttpFailure.Kind.UNREACHABLE || f.kind() == HttpFailure.Kind.TIMEOUT) {
                    return Outcome.fail("unreachable: nothing answers at " + where
                            + (f.kind() == HttpFailure.Kind.TIMEOUT ? " in time" : "") + " (" + Failures.problem(f) + ")",
                            "is the web app running and listening on " + where + "? Start it from the project's venv: "
                                    + AppMetrics.ENABLE_FLAG + "=1 .venv/bin/python scripts/live_web_server.py --host "
                                    + ctx.appUrl().getHost() + " --port " + port(ctx.appUrl())
                                    + "; another address: app verify --url http://HOST:PORT/metrics",
                            "GET " + ctx.appUrl());
                }
                return Outcome.fail("no usable answer from " + ctx.appUrl() + ": " + f.getMessage(),
                        "is " + ctx.appUrl() + " the web app's /metrics (and not a proxy or login page)?", "GET " + ctx.appUrl());
            }
            AppMetrics.Verdict v = AppMetrics.classify(scrape);
            List<String> evidence = new ArrayList<>();
            evidence.add("GET " + scrape.url() + " → HTTP " + scrape.status() + " in " + scrape.latency().toMillis() + " ms, "
                    + scrape.size() + " bytes");
            evidence.add("state: " + v.state().words());
            if (!v.families().isEmpty()) {
                evidence.add("families: " + v.families().size() + " (" + String.join(", ",
                        v.families().subList(0, Math.min(6, v.families().size()))) + (v.families().size() > 6 ? ", …" : "") + ")");
            }
            String message = v.state().words() + ": " + v.message();
            return switch (v.state()) {
                case ENABLED -> Outcome.pass(message, evidence.toArray(String[]::new));
                case FLAG_OFF -> Outcome.fail(message, AppMetrics.FLAG_HINT, evidence.toArray(String[]::new));
                case FALLBACK, STRICT_UNAVAILABLE -> Outcome.fail(message, AppMetrics.RUNBOOK_HINT, evidence.toArray(String[]::new));
                case UNEXPECTED -> Outcome.fail(message, "is " + ctx.appUrl() + " the Peak_Trade web app's /metrics? "
                        + "Expected python_*/process_* and peak_trade_http_* families", evidence.toArray(String[]::new));
            };
        });
    }

    static Check target(Context ctx) {
        return Check.of(TARGET, Duration.ofSeconds(10), c -> {
            if (ctx.prometheus() == null) {
                return Outcome.skip("no Prometheus of ours to ask whether job " + JOB + " scrapes the app: " + ctx.noPrometheus());
            }
            URI base = ctx.prometheus().baseUrl();
            List<Target> all;
            try {
                all = ctx.prometheus().targets().value();
            } catch (HttpFailure f) {
                if (f.kind() == HttpFailure.Kind.UNREACHABLE) {
                    return Outcome.skip("our Prometheus (" + ctx.prometheusSource() + ") does not answer at " + base
                            + "; job " + JOB + " not checked", f.getMessage());
                }
                return Outcome.fail("cannot read Prometheus' targets at " + base + ": " + f.getMessage(),
                        "`peaktrade-obs debug health` shows what Prometheus answers");
            }
            List<Target> ofJob = all.stream().filter(t -> JOB.equals(t.job())).toList();
            if (ofJob.isEmpty()) {
                var jobs = all.stream().map(Target::job).distinct().toList();
                return Outcome.fail("Prometheus (" + ctx.prometheusSource() + ") has no target for job " + JOB
                        + " (jobs present: " + (jobs.isEmpty() ? "none" : String.join(", ", jobs)) + ")",
                        "add a scrape job " + JOB + " with target host.docker.internal:" + port(ctx.appUrl())
                                + " to the scrape config, then `peaktrade-obs prometheus reload`",
                        "GET " + base + "/api/v1/targets");
            }
            Target t = ofJob.stream().filter(Target::isUp).findFirst().orElse(ofJob.get(0));
            String evidence = t.instance() + " " + t.health() + " scrapeUrl=" + t.scrapeUrl()
                    + (t.lastError().isEmpty() ? "" : " lastError=" + t.lastError());
            String via = " (Prometheus of " + ctx.prometheusSource() + ")";
            if (t.isUp()) {
                return Outcome.pass("job " + JOB + " scrapes the app: up at " + t.scrapeUrl() + via, evidence);
            }
            if (t.health() == Target.Health.UNKNOWN) {
                return Outcome.warn("job " + JOB + " has not scraped " + t.scrapeUrl() + " yet" + via,
                        "run app verify again in a few seconds", evidence);
            }
            return Outcome.fail("job " + JOB + " is down at " + t.scrapeUrl() + ": "
                    + (t.lastError().isEmpty() ? "no error text" : t.lastError()) + via,
                    PrometheusChecks.targetHint(t) + appNote(t), evidence);
        });
    }

    /** The runbook starts the app with --host 127.0.0.1: fine on Docker Desktop, unreachable from containers on Linux. */
    private static String appNote(Target t) {
        if (t.scrapeUrl() == null || !t.scrapeUrl().contains("host.docker.internal")) {
            return "";
        }
        return ". For the web app: start it with --host 0.0.0.0 on Linux (--host 127.0.0.1 only works with Docker "
                + "Desktop), or run Prometheus with host networking";
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : 80;
    }
}
