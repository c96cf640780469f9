package com.peaktrade.obs.checks;

import com.peaktrade.obs.check.Check;
import com.peaktrade.obs.check.CheckContext;
import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.exporter.ShadowMvsContract;
import com.peaktrade.obs.prometheus.Probe;
import com.peaktrade.obs.prometheus.QueryResult;
import com.peaktrade.obs.prometheus.Target;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** prometheus.ready, prometheus.targets and the prometheus.query.* golden queries. */
public final class PrometheusChecks {
    static final String READY = "prometheus.ready";
    static final String TARGETS = "prometheus.targets";
    static final String QUERY = "prometheus.query";

    private PrometheusChecks() {
    }

    static Check ready(VerifyContext ctx) {
        return Check.of(READY, Duration.ofSeconds(30), c -> {
            Optional<String> down = ctx.serviceDown("prometheus-local");
            if (down.isPresent()) {
                return Outcome.fail("Prometheus cannot be ready: " + down.get(),
                        "start the stack: `peaktrade-obs " + ctx.stack().id() + " up`; why it stopped: "
                                + "`peaktrade-obs debug logs prometheus-local`");
            }
            AtomicReference<String> last = new AtomicReference<>("no answer");
            var polled = c.poll(() -> {
                try {
                    Probe probe = ctx.prometheus().ready();
                    last.set("HTTP " + probe.status() + " " + probe.body().strip());
                    return probe.status() == 200 ? Optional.of(probe) : Optional.empty();
                } catch (RuntimeException e) {
                    last.set(Failures.describe(e));
                    return Optional.empty();
                }
            });
            String url = ctx.targets().prometheus() + "/-/ready";
            if (polled.done()) {
                return Outcome.pass("ready at " + ctx.targets().prometheus(), "GET " + url + " → 200",
                        "ready after " + CheckContext.describe(polled));
            }
            return Outcome.fail("not ready at " + url + ": " + last.get(),
                    "the stack is not started or the port is taken: `peaktrade-obs " + ctx.stack().id()
                            + " up`, then `peaktrade-obs debug ps`",
                    "last answer: " + last.get(), CheckContext.describe(polled));
        });
    }

    /**
     * The job must have a target that is up. Right after start the target list can be empty and a
     * target "unknown" until its first scrape; a target that is down is only final after two fresh
     * scrapes failed, so warm-up never FAILs but a dead exporter fails in seconds, not at the budget.
     */
    static Check targets(VerifyContext ctx, String job) {
        return Check.of(TARGETS, Set.of(READY), Duration.ofSeconds(30), c -> {
            Instant started = Instant.now();
            AtomicReference<List<Target>> last = new AtomicReference<>(List.of());
            AtomicReference<String> error = new AtomicReference<>(null);
            java.util.Map<String, Instant> firstDownScrape = new java.util.HashMap<>();
            var polled = c.poll(() -> {
                try {
                    List<Target> all = ctx.prometheus().targets().value();
                    last.set(all);
                    error.set(null);
                    List<Target> ofJob = all.stream().filter(t -> job.equals(t.job())).toList();
                    if (ofJob.stream().anyMatch(Target::isUp)) {
                        return Optional.of("up");
                    }
                    if (ofJob.isEmpty() && !all.isEmpty()) {
                        // the config is loaded (other jobs have targets) and has no such job: waiting won't help
                        return Optional.of("absent");
                    }
                    for (Target t : ofJob) {
                        if (t.health() == Target.Health.DOWN && t.lastScrape() != null && t.lastScrape().isAfter(started)) {
                            Instant first = firstDownScrape.putIfAbsent(t.instance(), t.lastScrape());
                            if (first != null && t.lastScrape().isAfter(first)) {
                                return Optional.of("down");
                            }
                        }
                    }
                    return Optional.empty();
                } catch (RuntimeException e) {
                    error.set(Failures.describe(e));
                    return Optional.empty();
                }
            });
            List<Target> ofJob = last.get().stream().filter(t -> job.equals(t.job())).toList();
            List<String> evidence = new ArrayList<>();
            ofJob.forEach(t -> evidence.add(t.instance() + " " + t.health() + " scrapeUrl=" + t.scrapeUrl()
                    + (t.lastError() == null || t.lastError().isEmpty() ? "" : " lastError=" + t.lastError())));
            evidence.add(CheckContext.describe(polled));
            if ("up".equals(polled.value().orElse(null))) {
                return Outcome.pass("job " + job + " is up (" + ofJob.stream().filter(Target::isUp).count() + "/"
                        + ofJob.size() + " targets)", evidence.toArray(String[]::new));
            }
            if (error.get() != null && ofJob.isEmpty()) {
                return Outcome.fail("cannot read targets: " + error.get(), "is Prometheus still answering? `peaktrade-obs debug health`",
                        evidence.toArray(String[]::new));
            }
            if (ofJob.isEmpty()) {
                var jobs = last.get().stream().map(Target::job).distinct().toList();
                return Outcome.fail("no target for job " + job + " (jobs present: " + (jobs.isEmpty() ? "none" : String.join(", ", jobs)) + ")",
                        "the scrape config has no job named " + job + ": check prometheus/*.yml (job_name: " + job
                                + "), then `peaktrade-obs prometheus reload`", evidence.toArray(String[]::new));
            }
            Target t = ofJob.get(0);
            return Outcome.fail("job " + job + " is " + t.health() + " at " + t.scrapeUrl()
                    + (t.lastError() == null || t.lastError().isEmpty() ? "" : ": " + t.lastError()),
                    targetHint(t), evidence.toArray(String[]::new));
        });
    }

    /** The seed's incident: localhost inside a container, and 127.0.0.1-only host services on Linux. */
    public static String targetHint(Target t) {
        String host = hostOf(t.scrapeUrl());
        if (host.equals("localhost") || host.startsWith("127.")) {
            return "inside the Prometheus container " + host + " is the container itself: scrape a service of the stack "
                    + "by its service name, or a host service via host.docker.internal";
        }
        if (host.equals("host.docker.internal")) {
            return "host.docker.internal is the host: is the service running there? On Linux a host service bound to "
                    + "127.0.0.1 is not reachable from containers; bind it to 0.0.0.0 (or the docker0 address)";
        }
        String error = t.lastError() == null ? "" : t.lastError();
        if (error.contains("no such host") || error.contains("server misbehaving")) {
            return "the target name does not resolve on the stack's network: is the service running "
                    + "(`peaktrade-obs debug ps`) and is the name in the scrape config its compose service name?";
        }
        return "the exporter is not answering: `peaktrade-obs debug ps`, `peaktrade-obs debug logs shadow-mvs-exporter`";
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** A golden query of SPEC §3: a stable name and its PromQL. */
    record Golden(String name, String promql) {
    }

    static List<Golden> goldenQueries() {
        String job = "job=\"" + ShadowMvsContract.JOB + "\"";
        String events = ShadowMvsContract.PIPELINE_EVENTS;
        String latency = ShadowMvsContract.PIPELINE_LATENCY + "_bucket";
        return List.of(
                new Golden("up", "up{" + job + "}"),
                new Golden("scrape_samples", "scrape_samples_scraped{" + job + "}"),
                new Golden("events_rate", "sum by (mode, stage) (rate(" + events + "{" + job + "}[5m]))"),
                new Golden("risk_blocks_rate", "sum by (mode, reason) (rate(" + ShadowMvsContract.RISK_BLOCKS + "{" + job + "}[5m]))"),
                new Golden("error_ratio", "sum(rate(" + events + "{" + job + ",stage=\"error\"}[5m])) / clamp_min(sum(rate("
                        + events + "{" + job + "}[5m])), 1)"),
                new Golden("p95_intent_to_ack", "histogram_quantile(0.95, sum by (le) (rate(" + latency + "{" + job
                        + ",edge=\"intent_to_ack\"}[5m])))"),
                new Golden("p95_submit_to_ack", "histogram_quantile(0.95, sum by (le) (rate(" + latency + "{" + job
                        + ",edge=\"submit_to_ack\"}[5m])))"));
    }

    /** prometheus.query.NAME: non-empty and no NaN, waiting out the warm-up (rate needs two scrapes). */
    static Check query(VerifyContext ctx, Golden golden) {
        return Check.of(QUERY + "." + golden.name(), Set.of(TARGETS), Duration.ofSeconds(45), c -> {
            AtomicReference<QueryResult> last = new AtomicReference<>(null);
            AtomicReference<String> error = new AtomicReference<>(null);
            var polled = c.poll(() -> {
                try {
                    QueryResult r = ctx.prometheus().query(golden.promql()).value();
                    last.set(r);
                    error.set(null);
                    return !r.isEmpty() && r.allFinite() ? Optional.of(r) : Optional.empty();
                } catch (RuntimeException e) {
                    error.set(Failures.describe(e));
                    return Optional.empty();
                }
            });
            List<String> evidence = new ArrayList<>(List.of("query " + golden.promql(), CheckContext.describe(polled)));
            QueryResult r = last.get();
            if (polled.done()) {
                evidence.add("first value " + r.samples().get(0).value());
                return Outcome.pass(golden.name() + ": " + r.samples().size() + " series", evidence.toArray(String[]::new));
            }
            if (error.get() != null) {
                return Outcome.fail(golden.name() + ": query failed: " + error.get(),
                        "check the query against Prometheus (`peaktrade-obs debug health`)", evidence.toArray(String[]::new));
            }
            if (r == null || r.isEmpty()) {
                return Outcome.fail(golden.name() + ": no data",
                        "warm-up not over (rate() needs two scrapes), the job label is not " + ShadowMvsContract.JOB
                                + ", or the exporter lacks the series: `peaktrade-obs debug targets`",
                        evidence.toArray(String[]::new));
            }
            return Outcome.fail(golden.name() + ": NaN in " + r.samples().size() + " series",
                    "no increase in the window yet (warm-up) or a histogram without observations",
                    evidence.toArray(String[]::new));
        });
    }
}
