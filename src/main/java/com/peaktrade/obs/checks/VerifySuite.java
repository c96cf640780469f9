package com.peaktrade.obs.checks;

import com.peaktrade.obs.check.Check;
import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.contract.ContractArea;
import com.peaktrade.obs.contract.ExpectedJob;
import com.peaktrade.obs.contract.ExporterContract;
import com.peaktrade.obs.contract.GoldenQuery;
import com.peaktrade.obs.contract.GrafanaQuery;
import com.peaktrade.obs.contract.Section;
import com.peaktrade.obs.contract.StackService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a stack's verify, in report order, built from the contract: the stack's services,
 * and for each area it expects (grafana, prometheus, exporters) one check per contract entry where
 * the entries are checked apart (jobs, golden queries). A section that expects nothing is a note
 * ("nothing expected"), said once, instead of a check that cannot fail.
 */
public final class VerifySuite {
    /** What verify runs and what it says it does not check. */
    public record Plan(List<Check> checks, List<String> notes) {
    }

    private VerifySuite() {
    }

    static final String TLS_UNVERIFIED = "tls.unverified";

    public static Plan plan(VerifyContext ctx) {
        List<Check> checks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (ctx.engine() != null) {
            checks.add(DockerChecks.daemon(ctx));
            if (ctx.checksContainers() && !ctx.stack().services().isEmpty()) {
                List<String> services = ctx.stack().services().values().stream().map(StackService::service).distinct().toList();
                checks.add(DockerChecks.containers(ctx, services));
            }
        }
        if (ctx.targets().access() != null && ctx.targets().access().tls().insecureSkipVerify()) {
            checks.add(tlsUnverified(ctx));
        }
        if (ctx.prometheus() == null) {
            notes.add("prometheus: stack " + ctx.stack().name() + " has no prometheus service and no --prometheus-url, not checked");
        } else {
            checks.add(PrometheusChecks.ready(ctx));
            if (ctx.stack().expects(ContractArea.PROMETHEUS)) {
                prometheus(ctx, checks, notes);
            }
        }
        if (ctx.stack().expects(ContractArea.EXPORTERS)) {
            exporter(ctx, checks, notes);
        }
        if (ctx.stack().expects(ContractArea.GRAFANA)) {
            if (ctx.grafana() == null) {
                notes.add("grafana: stack " + ctx.stack().name() + " has no grafana service and no --grafana-url, not checked");
            } else {
                grafana(ctx, checks, notes);
            }
        }
        return new Plan(checks, notes);
    }

    private static void prometheus(VerifyContext ctx, List<Check> checks, List<String> notes) {
        List<ExpectedJob> jobs = ctx.contract().prometheus().jobs().entries();
        Set<String> targetIds = new LinkedHashSet<>();
        for (ExpectedJob job : jobs) {
            String id = targetsId(jobs, job.name());
            targetIds.add(id);
            checks.add(PrometheusChecks.targets(ctx, job, id));
        }
        nothingExpected(ctx, "prometheus.jobs", ctx.contract().prometheus().jobs(), notes);
        Set<String> requires = targetIds.isEmpty() ? Set.of(PrometheusChecks.READY) : targetIds;
        for (GoldenQuery golden : ctx.contract().prometheus().queries().entries()) {
            checks.add(PrometheusChecks.query(ctx, golden, requires));
        }
        nothingExpected(ctx, "prometheus.queries", ctx.contract().prometheus().queries(), notes);
    }

    /**
     * One exporter.metrics per exporter job of the contract: the stack's own exporter (its service or
     * --exporter-url) directly, every other job where Prometheus scrapes it. One job keeps the id
     * CI greps for; several are told apart by job, as prometheus.targets.
     */
    private static void exporter(VerifyContext ctx, List<Check> checks, List<String> notes) {
        if (nothingExpected(ctx, "exporters", ctx.contract().exporters(), notes)) {
            return;
        }
        List<ExporterContract> entries = ctx.contract().exporters().entries();
        Optional<String> ownJob = ctx.targets().exporter() == null ? Optional.empty()
                : ctx.stack().service(StackService.Role.EXPORTER).flatMap(StackService::job)
                        .or(() -> entries.size() == 1 ? Optional.of(entries.get(0).job()) : Optional.empty());
        ownJob.filter(job -> ctx.contract().exporter(job).isEmpty()).ifPresent(job -> notes.add("exporters: no entry for job " + job
                + " in " + ctx.contract().origin().file() + ", nothing expected of the exporter at " + ctx.targets().exporter()));
        for (ExporterContract contract : entries) {
            String id = entries.size() == 1 ? ExporterChecks.METRICS : ExporterChecks.METRICS + "." + contract.job();
            if (ownJob.filter(contract.job()::equals).isPresent()) {
                checks.add(ExporterChecks.metrics(ctx, contract, id));
            } else if (ctx.prometheus() != null) {
                checks.add(ExporterChecks.metricsOfJob(ctx, contract, id, targetsOf(ctx, contract.job())));
            } else {
                notes.add("exporters." + contract.job() + ": not checked, no exporter URL for it and no Prometheus to find where it is scraped");
            }
        }
    }

    /** The prometheus.targets check of {@code job} when this run has one: an exporter of a job that is down is not asked. */
    private static Set<String> targetsOf(VerifyContext ctx, String job) {
        List<ExpectedJob> jobs = ctx.contract().prometheus().jobs().entries();
        if (!ctx.stack().expects(ContractArea.PROMETHEUS) || jobs.stream().noneMatch(j -> j.name().equals(job))) {
            return Set.of(PrometheusChecks.READY);
        }
        return Set.of(targetsId(jobs, job));
    }

    /** One job keeps the id CI greps for; several are told apart by name. */
    private static String targetsId(List<ExpectedJob> jobs, String job) {
        return jobs.size() == 1 ? PrometheusChecks.TARGETS : PrometheusChecks.TARGETS + "." + job;
    }

    private static void grafana(VerifyContext ctx, List<Check> checks, List<String> notes) {
        checks.add(GrafanaChecks.health(ctx));
        checks.add(GrafanaChecks.auth(ctx));
        if (!nothingExpected(ctx, "grafana.datasources", ctx.contract().grafana().datasources(), notes)) {
            checks.add(GrafanaChecks.datasources(ctx));
            checks.add(GrafanaChecks.datasourceHealth(ctx));
        }
        if (!nothingExpected(ctx, "grafana.dashboards", ctx.contract().grafana().dashboards(), notes)) {
            checks.add(GrafanaChecks.dashboards(ctx));
            checks.add(GrafanaChecks.dashboardVars(ctx));
        }
        Optional<GrafanaQuery> query = ctx.stack().grafanaQuery().or(() -> ctx.contract().grafana().query());
        if (query.isPresent()) {
            checks.add(GrafanaChecks.query(ctx, query.get()));
        } else {
            notes.add("grafana.query: absent in " + ctx.contract().origin().file() + ", no query is sent through Grafana");
        }
    }

    /**
     * An explicit --insecure-skip-verify is a WARN of its own, so every report (lines, JSON, JUnit)
     * says that this run proved nothing about who answered.
     */
    private static Check tlsUnverified(VerifyContext ctx) {
        return Check.of(TLS_UNVERIFIED, java.time.Duration.ofSeconds(1), c -> Outcome.warn(
                "https certificates and host names were NOT verified (--insecure-skip-verify): any server could have answered",
                "give the CA that signed the servers' certificates with --cacert FILE instead", ctx.targets().access().notes()));
    }

    /** Adds the "nothing expected" note for an empty section; true when it was empty. */
    private static boolean nothingExpected(VerifyContext ctx, String key, Section<?> section, List<String> notes) {
        if (!section.expectsNothing()) {
            return false;
        }
        notes.add(key + ": " + (section.isAbsent() ? "absent in " + ctx.contract().origin().file()
                : "empty at " + section.declaredAt().orElseThrow()) + ", nothing expected");
        return true;
    }
}
