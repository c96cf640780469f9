package com.peaktrade.obs.checks;

import com.peaktrade.obs.check.Check;
import com.peaktrade.obs.check.CheckContext;
import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.contract.ExpectedJob;
import com.peaktrade.obs.contract.GoldenQuery;
import com.peaktrade.obs.contract.StackService;
import com.peaktrade.obs.prometheus.QueryResult;
import com.peaktrade.obs.prometheus.Target;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** prometheus.ready, prometheus.targets (per contract job) and the contract's prometheus.query.* golden queries. */
public final class PrometheusChecks {
    static final String READY = "prometheus.ready";
    static final String TARGETS = "prometheus.targets";
    static final String QUERY = "prometheus.query";

    private PrometheusChecks() {
    }

    static Check ready(VerifyContext ctx) {
        return Check.of(READY, Duration.ofSeconds(30), c -> {
            Optional<String> down = ctx.roleDown(StackService.Role.PROMETHEUS);
            String service = ctx.service(StackService.Role.PROMETHEUS).orElse("prometheus-local");
            if (down.isPresent()) {
                return Outcome.fail("Prometheus cannot be ready: " + down.get(),
                        "start the stack: `peaktrade-obs " + ctx.stack().name() + " up`; why it stopped: "
                                + "`peaktrade-obs debug logs " + service + "`");
            }
            Optional<Outcome> nothingThere = ctx.defaultedAndUnreachable(StackService.Role.PROMETHEUS, "Prometheus",
                    () -> ctx.prometheus().ready());
            if (nothingThere.isPresent()) {
                return nothingThere.get();
            }
            var answer = c.await(() -> ctx.prometheus().ready(), probe -> probe.status() == 200);
            String url = ctx.targets().prometheus() + "/-/ready";
            if (answer.ready()) {
                return Outcome.pass("ready at " + ctx.targets().prometheus(), "GET " + url + " → 200",
                        "ready after " + CheckContext.describe(answer));
            }
            return CheckContext.notReady("not ready", url,
                    answer.describe(probe -> "HTTP " + probe.status() + " " + probe.body().strip(), Failures::describe),
                    "the stack is not started or the port is taken: `peaktrade-obs " + ctx.stack().name()
                            + " up`, then `peaktrade-obs debug ps`", answer);
        });
    }

    /**
     * The job must have a target that is up. Right after start the target list can be empty and a
     * target "unknown" until its first scrape; a target that is down is only final after two fresh
     * scrapes failed, so warm-up never FAILs but a dead exporter fails in seconds, not at the budget.
     */
    static Check targets(VerifyContext ctx, ExpectedJob expected, String id) {
        String job = expected.name();
        return Check.of(id, Set.of(READY), Duration.ofSeconds(30), c -> {
            Instant started = Instant.now();
            java.util.Map<String, Instant> firstDownScrape = new java.util.HashMap<>();
            var answer = c.await(() -> ctx.prometheusTargets(), all -> {
                List<Target> ofJob = all.stream().filter(t -> job.equals(t.job())).toList();
                if (ofJob.stream().anyMatch(Target::isUp)) {
                    return true;
                }
                if (ofJob.isEmpty() && !all.isEmpty()) {
                    // the config is loaded (other jobs have targets) and has no such job: waiting won't help
                    return true;
                }
                for (Target t : ofJob) {
                    if (t.health() == Target.Health.DOWN && t.lastScrape() != null && t.lastScrape().isAfter(started)) {
                        Instant first = firstDownScrape.putIfAbsent(t.instance(), t.lastScrape());
                        if (first != null && t.lastScrape().isAfter(first)) {
                            return true;
                        }
                    }
                }
                return false;
            });
            List<Target> all = answer.last().orElse(List.of());
            List<Target> ofJob = all.stream().filter(t -> job.equals(t.job())).toList();
            List<String> evidence = new ArrayList<>();
            ofJob.forEach(t -> evidence.add(t.instance() + " " + t.health() + " scrapeUrl=" + t.scrapeUrl()
                    + (t.lastError() == null || t.lastError().isEmpty() ? "" : " lastError=" + t.lastError())));
            evidence.add(CheckContext.describe(answer));
            if (ofJob.stream().anyMatch(Target::isUp)) {
                return Outcome.pass("job " + job + " is up (" + ofJob.stream().filter(Target::isUp).count() + "/"
                        + ofJob.size() + " targets)", evidence.toArray(String[]::new));
            }
            evidence.add("contract " + expected.where() + ": job " + job + (expected.optional() ? " (optional)" : ""));
            Outcome failed;
            if (answer.error().isPresent() && ofJob.isEmpty()) {
                failed = Outcome.fail("cannot read targets: " + Failures.describe(answer.error().get()),
                        "is Prometheus still answering? `peaktrade-obs debug health`", evidence.toArray(String[]::new));
            } else if (ofJob.isEmpty()) {
                var jobs = all.stream().map(Target::job).distinct().toList();
                failed = Outcome.fail("no target for job " + job + " (jobs present: " + (jobs.isEmpty() ? "none" : String.join(", ", jobs)) + ")",
                        "the scrape config has no job named " + job + ": check prometheus/*.yml (job_name: " + job
                                + "), then `peaktrade-obs prometheus reload`", evidence.toArray(String[]::new));
            } else {
                Target t = ofJob.get(0);
                failed = Outcome.fail("job " + job + " is " + t.health() + " at " + t.scrapeUrl()
                        + (t.lastError() == null || t.lastError().isEmpty() ? "" : ": " + t.lastError()),
                        targetHint(t), evidence.toArray(String[]::new));
            }
            return expected.optional() ? optional(failed) : failed;
        });
    }

    /** An optional contract entry that is not met: a WARN with the FAIL's words. */
    static Outcome optional(Outcome failed) {
        return Outcome.warn(failed.message() + " (optional)", failed.hint(), failed.evidence().toArray(String[]::new));
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

    /**
     * prometheus.query.NAME: at least min_series series, no NaN, values within the contract's range,
     * waiting out the warm-up (rate needs two scrapes). An optional query that is not met WARNs.
     */
    static Check query(VerifyContext ctx, GoldenQuery golden, Set<String> requires) {
        return Check.of(golden.checkId(), requires, Duration.ofSeconds(45), c -> {
            var answer = c.await(() -> ctx.prometheus().query(golden.promql()).value(), r -> problem(golden, r).isEmpty());
            List<String> evidence = new ArrayList<>(List.of("query " + golden.promql(), CheckContext.describe(answer)));
            if (answer.ready()) {
                QueryResult r = answer.last().orElseThrow();
                evidence.add("first value " + r.samples().get(0).value());
                return Outcome.pass(golden.name() + ": " + r.samples().size() + " series", evidence.toArray(String[]::new));
            }
            evidence.add("contract " + golden.where() + ": query " + golden.name() + (golden.optional() ? " (optional)" : ""));
            Outcome failed;
            if (answer.error().isPresent()) {
                failed = Outcome.fail(golden.name() + ": query failed: " + Failures.describe(answer.error().get()),
                        "check the query against Prometheus (`peaktrade-obs debug health`)", evidence.toArray(String[]::new));
            } else {
                QueryResult r = answer.last().orElse(null);
                String problem = problem(golden, r);
                String hint = r == null || r.isEmpty()
                        ? "warm-up not over (rate() needs two scrapes), the job label is not " + jobsInWords(ctx)
                                + ", or the exporter lacks the series: `peaktrade-obs debug targets`"
                        : problem.contains("NaN") ? "no increase in the window yet (warm-up) or a histogram without observations"
                        : "the series are there but not as the contract expects: see " + golden.where();
                failed = Outcome.fail(golden.name() + ": " + problem, hint, evidence.toArray(String[]::new));
            }
            return golden.optional() ? optional(failed) : failed;
        });
    }

    private static String jobsInWords(VerifyContext ctx) {
        return String.join(" or ", ctx.contract().prometheus().jobs().entries().stream().map(ExpectedJob::name).toList());
    }

    /** Pure: what is wrong with a query's answer against its contract entry; "" when nothing. */
    static String problem(GoldenQuery golden, QueryResult r) {
        if (r == null || r.isEmpty()) {
            return "no data";
        }
        if (!r.allFinite()) {
            return "NaN in " + r.samples().size() + " series";
        }
        if (r.samples().size() < golden.minSeries()) {
            return r.samples().size() + " series, at least " + golden.minSeries() + " expected";
        }
        for (var sample : r.samples()) {
            double v = sample.value();
            if ((golden.minValue().isPresent() && v < golden.minValue().getAsDouble())
                    || (golden.maxValue().isPresent() && v > golden.maxValue().getAsDouble())) {
                return "value " + v + " outside [" + (golden.minValue().isPresent() ? golden.minValue().getAsDouble() : "-inf")
                        + ", " + (golden.maxValue().isPresent() ? golden.maxValue().getAsDouble() : "+inf") + "]";
            }
        }
        return "";
    }
}
