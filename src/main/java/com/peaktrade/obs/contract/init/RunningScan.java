package com.peaktrade.obs.contract.init;

import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.grafana.Datasource;
import com.peaktrade.obs.grafana.DatasourceHealth;
import com.peaktrade.obs.grafana.DashboardDetail;
import com.peaktrade.obs.grafana.GrafanaClient;
import com.peaktrade.obs.grafana.SearchHit;
import com.peaktrade.obs.grafana.TemplateVariable;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.Target;
import com.peaktrade.obs.prometheus.exposition.Exposition;
import com.peaktrade.obs.prometheus.exposition.Scrape;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code contract init --from-running}: what a running stack really has, as a {@link Draft}.
 * Prometheus' targets give the jobs (all targets down: optional, with the last error), Grafana's
 * API the datasources (health failing: optional, with Grafana's reason) and dashboards, the
 * exporter's /metrics its families and label values; {@link GoldenQueries} proposes queries only
 * over series Prometheus has.
 */
final class RunningScan {
    private final RunningStack stack;
    private final Draft draft;

    private RunningScan(RunningStack stack, Draft draft) {
        this.stack = stack;
        this.draft = draft;
    }

    static void scan(RunningStack stack, Draft draft) {
        new RunningScan(stack, draft).scan();
    }

    private void scan() {
        stack.project().filter(p -> draft.stacks.size() == 1).ifPresent(project -> {
            Draft.Stack only = draft.stacks.get(0);
            draft.stacks.set(0, new Draft.Stack(only.name(), project, only.compose(), only.services(), only.why()));
        });
        List<Target> targets = stack.prometheus().map(this::jobs).orElse(List.of());
        stack.grafana().ifPresent(this::grafana);
        Optional<Exposition> exposition = stack.exporter().map(this::scrape);
        Optional<String> exporterJob = exposition.flatMap(e -> exporterJob(stack.exporter().get(), targets, e)
                .or(this::theAssetsExporterJob));
        exposition.ifPresent(e -> draft.exporters.put(exporterJob.orElse("exporter"), ExporterDraft.of(exporterJob.orElse("exporter"), e,
                exporterJob.isPresent() ? null : "no Prometheus job scrapes " + stack.exporter().get()
                        + " (or no Prometheus was given): rename this key to the scrape job that does")));
        stack.prometheus().ifPresent(prometheus -> new GoldenQueries(prometheus, draft)
                .propose(targets, exporterJob.flatMap(job -> exposition.map(e -> Map.entry(job, e)))));
    }

    private List<Target> jobs(PrometheusClient prometheus) {
        draft.sources.add("Prometheus " + prometheus.baseUrl() + " (/api/v1/targets)");
        List<Target> targets = prometheus.targets().value();
        Map<String, List<Target>> byJob = new LinkedHashMap<>();
        targets.forEach(t -> byJob.computeIfAbsent(t.scrapePool(), job -> new ArrayList<>()).add(t));
        byJob.forEach((job, list) -> {
            long up = list.stream().filter(Target::isUp).count();
            String why = null;
            if (up == 0) {
                Target first = list.get(0);
                why = "down at init time (" + list.size() + " target" + (list.size() == 1 ? "" : "s") + ", e.g. "
                        + first.scrapeUrl() + (first.lastError().isEmpty() ? "" : ": " + first.lastError()) + ")";
            }
            draft.job(new Draft.Job(job, why));
        });
        return targets;
    }

    private void grafana(GrafanaClient grafana) {
        draft.sources.add("Grafana " + grafana.baseUrl() + " (/api/datasources, /api/search, /api/dashboards)");
        for (Datasource d : grafana.datasources().value()) {
            DatasourceHealth health = grafana.datasourceHealth(d.uid());
            String why = health.ok() ? null : "health failed at init time: " + health.message();
            Draft.Datasource found = new Draft.Datasource(d.uid(), d.name(), d.isDefault(), d.type(),
                    d.url() == null || d.url().isEmpty() ? null : d.url(), why);
            // assets say what is provisioned; the running Grafana says what is healthy
            draft.datasources.merge(d.uid(), found, (old, fresh) -> fresh.optionalWhy() != null ? old.optional(fresh.optionalWhy()) : old);
        }
        for (SearchHit hit : grafana.search("dash-db", List.of()).value()) {
            Optional<DashboardDetail> detail = grafana.dashboard(hit.uid()).value();
            if (detail.isEmpty() || draft.dashboards.containsKey(hit.uid())) {
                continue;
            }
            List<Draft.Variable> variables = new ArrayList<>();
            for (TemplateVariable v : detail.get().variables()) {
                if ("datasource".equals(v.type())) {
                    datasourceVariable(hit.uid(), v);
                    variables.add(new Draft.Variable(v.name(), v.type(), null));
                } else if (v.name() != null && v.type() != null) {
                    variables.add(new Draft.Variable(v.name(), v.type(), v.query() == null || v.query().isBlank() ? null : v.query()));
                }
            }
            String folder = "General".equals(hit.folderTitle()) ? null : hit.folderTitle();
            draft.dashboards.put(hit.uid(), new Draft.Dashboard(hit.uid(), hit.title(), folder, variables, null));
        }
    }

    private void datasourceVariable(String dashboard, TemplateVariable v) {
        String current = v.current() == null ? "" : v.current();
        Optional<String> uid = draft.datasources.values().stream()
                .filter(ds -> ds.uid().equals(current) || current.equals(ds.name())).map(Draft.Datasource::uid).findFirst();
        if (uid.isPresent()) {
            draft.datasourceVariable(new Draft.DatasourceVariable(v.name(), List.of(uid.get()), null));
        } else if (!draft.datasourceVariables.containsKey(v.name())) {
            draft.notes.add("variable " + v.name() + " of dashboard " + dashboard + ": set to '" + current
                    + "', which is no datasource of this Grafana");
        }
    }

    private Exposition scrape(URI url) {
        draft.sources.add("exporter " + url);
        Scrape scrape = stack.scraper().scrape(url);
        if (!scrape.ok()) {
            throw new EnvironmentException("the exporter at " + url + " answered HTTP " + scrape.status() + ", not metrics",
                    "check --exporter-url (e.g. http://127.0.0.1:9109/metrics)");
        }
        return scrape.parse();
    }

    /** The scrape job of the exporter service the assets' stacks name, when they name exactly one. */
    private Optional<String> theAssetsExporterJob() {
        List<String> jobs = draft.stacks.stream().map(s -> s.services().get("exporter")).filter(e -> e != null && e.job() != null)
                .map(Draft.Service::job).distinct().toList();
        return jobs.size() == 1 ? Optional.of(jobs.get(0)) : Optional.empty();
    }

    /** The job whose targets are the exporter: same port, else the one that has the exporter's first family. */
    private Optional<String> exporterJob(URI exporter, List<Target> targets, Exposition exposition) {
        int port = exporter.getPort();
        List<String> byPort = targets.stream().filter(t -> t.scrapeUrl() != null && URI.create(t.scrapeUrl()).getPort() == port
                && URI.create(t.scrapeUrl()).getPath().equals(exporter.getPath())).map(Target::scrapePool).distinct().toList();
        if (byPort.size() == 1) {
            return Optional.of(byPort.get(0));
        }
        return stack.prometheus().flatMap(prometheus -> exposition.families().stream().findFirst()
                .flatMap(family -> prometheus.query("count by (job) ({__name__=~\"" + family.name() + ".*\"})").value().samples()
                        .stream().map(s -> s.metric().get("job")).filter(job -> job != null).findFirst()));
    }
}
