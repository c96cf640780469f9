package com.peaktrade.obs.cli;

import com.peaktrade.obs.checks.PrometheusChecks;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.Target;
import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.session.Session;
import com.peaktrade.obs.stack.Endpoint;
import com.peaktrade.obs.stack.Endpoints;
import java.util.Optional;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "targets", mixinStandardHelpOptions = true,
        header = "Prometheus scrape targets with health, last error and hints.",
        description = {"One row per active target: job, instance, health, last scrape age, scrape URL, last error. "
                + "A target that is down gets a hint (localhost inside a container, host.docker.internal, "
                + "127.0.0.1-only services on Linux, unresolvable names).",
            "Exit 0 when every target is up, 1 otherwise."})
final class DebugTargetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackSelection selection;

    @Mixin
    EndpointOptions.PrometheusUrl prometheusUrl;

    @Mixin
    SnapshotFormat format;

    @Override
    public Integer call() {
        try (Session session = Session.open()) {
            Endpoints endpoints = selection.endpoints(session, prometheusUrl.roles(), prometheusUrl.urls());
            Optional<Endpoint> prometheus = endpoints.found(Role.PROMETHEUS);
            if (prometheus.isEmpty()) {
                return nothingToAsk(endpoints);
            }
            return print(endpoints.project(), prometheus.get());
        }
    }

    private int nothingToAsk(Endpoints endpoints) {
        PrintWriter out = spec.commandLine().getOut();
        String why = endpoints.whyNone(Role.PROMETHEUS, "no Prometheus URL");
        if (format.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("project", endpoints.project());
            doc.put("error", why);
            out.println(Json.write(doc));
        } else {
            out.println("no Prometheus to ask: " + why + "; start it with `peaktrade-obs "
                    + (endpoints.stack() == null ? "shadow" : endpoints.stack().name()) + " up`");
        }
        return 1;
    }

    private int print(String project, Endpoint prometheus) {
        URI base = prometheus.url();
        PrintWriter out = spec.commandLine().getOut();
        List<Target> targets = new PrometheusClient(base, Duration.ofSeconds(5), prometheus.settings()).targets().value();
        Instant now = Instant.now();
        if (format.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("project", project);
            doc.put("prometheus", base.toString());
            doc.put("targets", targets.stream().map(t -> json(t, now)).toList());
            out.println(Json.write(doc));
        } else {
            out.println("Prometheus " + base + (project == null ? "" : " (project " + project + ")")
                    + ": " + targets.size() + " active target" + (targets.size() == 1 ? "" : "s"));
            if (!targets.isEmpty()) {
                Table table = new Table("JOB", "INSTANCE", "HEALTH", "LAST SCRAPE", "SCRAPE URL", "LAST ERROR");
                targets.forEach(t -> table.row(t.job(), t.instance(), t.health().toString(), age(t.lastScrape(), now),
                        t.scrapeUrl(), t.lastError()));
                table.print(out);
            }
            for (Target t : targets) {
                if (t.health() == Target.Health.DOWN) {
                    out.println("HINT " + t.job() + " " + t.instance() + ": " + PrometheusChecks.targetHint(t));
                }
            }
        }
        return targets.stream().allMatch(Target::isUp) && !targets.isEmpty() ? 0 : 1;
    }

    private static Map<String, Object> json(Target t, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", t.job());
        m.put("instance", t.instance());
        m.put("health", t.health().toString());
        m.put("lastScrape", t.lastScrape() == null ? null : t.lastScrape().toString());
        m.put("lastScrapeAgeSeconds", t.lastScrape() == null ? null
                : Math.max(0, Duration.between(t.lastScrape(), now).toMillis()) / 1000.0);
        m.put("scrapeUrl", t.scrapeUrl());
        m.put("lastError", t.lastError());
        m.put("hint", t.health() == Target.Health.DOWN ? PrometheusChecks.targetHint(t) : null);
        return m;
    }

    static String age(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long ms = Math.max(0, Duration.between(then, now).toMillis());
        return ms < 60_000 ? String.format(java.util.Locale.ROOT, "%.1fs ago", ms / 1000.0)
                : DebugPsCommand.human(Duration.ofMillis(ms)) + " ago";
    }
}
