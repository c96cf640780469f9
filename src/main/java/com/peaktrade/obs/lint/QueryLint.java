package com.peaktrade.obs.lint;

import com.peaktrade.obs.contract.GoldenQuery;
import com.peaktrade.obs.lint.ContractSeries.Served;
import com.peaktrade.obs.promql.Expr;
import com.peaktrade.obs.promql.Expr.Aggregation;
import com.peaktrade.obs.promql.Expr.Binary;
import com.peaktrade.obs.promql.Expr.Call;
import com.peaktrade.obs.promql.Expr.Matcher;
import com.peaktrade.obs.promql.Expr.Selector;
import com.peaktrade.obs.promql.PromqlException;
import com.peaktrade.obs.promql.PromqlParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules over one PromQL expression of a dashboard, judged against the series of the contract's
 * exporters ({@link ContractSeries}) and the scrape jobs of the Prometheus configs and the contract.
 */
final class QueryLint {
    /** Series Prometheus writes itself for every target or rule, whatever the job. */
    static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling", "scrape_series_added", "scrape_timeout_seconds",
            "scrape_sample_limit", "scrape_body_size_bytes", "ALERTS", "ALERTS_FOR_STATE");
    static final Set<String> RATE_FUNCTIONS = Set.of("rate", "irate", "increase");
    private static final Pattern NON_BASE_UNIT = Pattern.compile(
            "_(ms|msec|milliseconds|microseconds|us|nanoseconds|ns|minutes|hours|days|kb|kilobytes|mb|megabytes|gb|percent|pct)(_|$)");

    /** Where an expression sits: its file and line, and a description (dashboard uid, panel title, refId). */
    record Site(Path file, int line, String where) {
    }

    private final Findings out;
    private final ContractSeries series;
    private final Set<String> jobs;
    private final boolean jobsKnown;
    private final Set<String> contractJobs;
    private final long scrapeIntervalMs;
    private final Set<List<String>> namesSeen = new java.util.HashSet<>();

    /**
     * @param jobs         the scrape configs' jobs ({@code jobsKnown}: there were scrape configs to read)
     * @param contractJobs the jobs the contract declares (they may produce series no exporter contract lists)
     */
    QueryLint(Findings out, ContractSeries series, Set<String> jobs, boolean jobsKnown, Set<String> contractJobs,
            long scrapeIntervalMs) {
        this.out = out;
        this.series = series;
        this.jobs = jobs;
        this.jobsKnown = jobsKnown;
        this.contractJobs = contractJobs;
        this.scrapeIntervalMs = scrapeIntervalMs;
    }

    boolean isForbidden(String label) {
        return series.isForbidden(label);
    }

    /**
     * A golden query of the contract: every series it selects must come from a declared exporter or
     * job. The contract's jobs count as known even without scrape configs to read.
     */
    void goldenQuery(GoldenQuery query) {
        Expr expr;
        try {
            expr = PromqlParser.parse(query.promql());
        } catch (PromqlException e) {
            return; // the contract loader rejects it first
        }
        for (Selector s : expr.collect(Selector.class)) {
            String name = s.metricName();
            String job = s.matchers().stream().filter(m -> m.label().equals("job") && m.isEquality()).map(Matcher::value)
                    .findFirst().orElse(null);
            String what = "golden query " + query.name() + ": ";
            if (job != null && !contractJobs.isEmpty() && !contractJobs.contains(job) && !jobs.contains(job)
                    && !series.exporterJobs().contains(job)) {
                out.add(Rules.CONTRACT_QUERY_UNKNOWN_METRIC, query.where(), "job=\"" + job + "\"", what + "job " + job
                        + " is neither a job of the contract (" + String.join(", ", contractJobs) + ") nor of the scrape configs");
                continue;
            }
            if (name != null && !name.startsWith("$")) {
                unproduced(name, job, jobsKnown || !contractJobs.isEmpty()).ifPresent(why -> out.add(
                        Rules.CONTRACT_QUERY_UNKNOWN_METRIC, query.where(), name, what + why));
            }
        }
        out.checked(Rules.CONTRACT_QUERY_UNKNOWN_METRIC, "golden queries");
    }

    /** Parses and judges {@code expression}; an unparsable one is a warning, never an exception. */
    void lint(String expression, Site site) {
        Expr expr;
        try {
            expr = PromqlParser.parse(expression);
        } catch (PromqlException e) {
            out.add(Rules.QUERY_PARSE, site.file(), site.line(), expression, site.where() + ": cannot parse the PromQL: "
                    + e.getMessage());
            return;
        }
        judge(expr, site);
    }

    void judge(Expr expr, Site site) {
        for (Selector s : expr.collect(Selector.class)) {
            selector(s, site);
        }
        expr.walk(e -> {
            if (e instanceof Aggregation a && a.grouping() != null) {
                forbidden(a.grouping().labels(), site, (a.grouping().without() ? "without" : "by") + " (…)");
                groupingAgainstContract(a, site);
            } else if (e instanceof Binary b && b.matching() != null) {
                List<String> labels = new ArrayList<>(b.matching().labels());
                labels.addAll(b.matching().include());
                forbidden(labels, site, (b.matching().on() ? "on" : "ignoring") + " (…)");
            } else if (e instanceof Call c) {
                call(c, site);
            }
        });
    }

    /** A label_values(…, label) / label_values(label) variable query. */
    void labelValues(Selector selector, String label, Site site) {
        forbidden(List.of(label), site, "label_values()");
        if (selector != null) {
            judge(selector, site);
            Optional<Served> family = series.familyOf(selector.metricName());
            Optional<List<String>> allowed = family.flatMap(f -> series.allowedLabels(f, selector.metricName()));
            if (allowed.isPresent() && !allowed.get().contains(label) && !series.isForbidden(label)) {
                out.add(Rules.QUERY_UNKNOWN_LABEL, site.file(), site.line(), label, site.where() + ": label_values over "
                        + selector.metricName() + " asks for label " + label + ", which " + family.get().contractName()
                        + " does not define (labels: " + family.get().family().labels().orElseThrow() + ")");
            }
        }
    }

    private void forbidden(List<String> labels, Site site, String context) {
        for (String label : labels) {
            if (series.isForbidden(label)) {
                out.add(Rules.QUERY_LABEL_FORBIDDEN, site.file(), site.line(), label, site.where() + ": " + label + " in "
                        + context + " (never a label in " + series.forbiddenBy(label).orElseThrow() + ")");
            }
        }
    }

    private void selector(Selector s, Site site) {
        for (Matcher m : s.matchers()) {
            forbidden(List.of(m.label()), site, "selector " + (s.name() == null ? "" : s.name()) + "{" + m + "}");
        }
        String name = s.metricName();
        String job = s.matchers().stream().filter(m -> m.label().equals("job") && m.isEquality()).map(Matcher::value)
                .findFirst().orElse(null);
        if (job != null && jobsKnown && !job.contains("$") && !jobs.contains(job)) {
            out.add(Rules.QUERY_UNKNOWN_JOB, site.file(), site.line(), "job=\"" + job + "\"", site.where() + ": job=\"" + job
                    + "\" is not a job of the Prometheus configs (jobs: " + String.join(", ", jobs) + ")");
        }
        if (name == null || name.startsWith("$")) {
            return;
        }
        names(name, site);
        Optional<Served> family = series.familyOf(name);
        if (family.isPresent()) {
            Optional<List<String>> allowed = series.allowedLabels(family.get(), name);
            for (Matcher m : s.matchers()) {
                if (allowed.isPresent() && !allowed.get().contains(m.label()) && !series.isForbidden(m.label())) {
                    out.add(Rules.QUERY_UNKNOWN_LABEL, site.file(), site.line(), m.toString(), site.where() + ": " + name
                            + " has no label " + m.label() + " in " + family.get().contractName() + " (labels: "
                            + family.get().family().labels().orElseThrow() + ")");
                }
                Optional<List<String>> values = series.allowedValues(m.label());
                if (values.isPresent() && m.isEquality() && !m.value().contains("$") && !values.get().contains(m.value())) {
                    out.add(Rules.QUERY_LABEL_VALUE, site.file(), site.line(), m.toString(), site.where() + ": " + m.label()
                            + "=\"" + m.value() + "\" is not a value of " + family.get().contractName() + " ("
                            + String.join(", ", values.get()) + ")");
                }
            }
        }
        unproduced(name, job, jobsKnown).ifPresent(why -> out.add(Rules.QUERY_UNKNOWN_METRIC, site.file(), site.line(),
                family.isPresent() ? name + "{job=\"" + job + "\"}" : name, site.where() + ": " + why));
    }

    /**
     * Why no declared exporter or scrape job produces {@code name} (asked of {@code job} when the
     * selector names one), or empty when one may: an exporter's family, Prometheus' own series, or
     * a job without an exporter contract (it may serve anything).
     */
    private Optional<String> unproduced(String name, String job, boolean jobsKnown) {
        Optional<Served> family = series.familyOf(name);
        if (family.isPresent()) {
            if (job != null && !job.contains("$") && !job.equals(family.get().job())) {
                return Optional.of(name + " is a series of the exporter (job " + family.get().job() + "), not of job " + job);
            }
            return Optional.empty();
        }
        if (SYNTHETIC.contains(name)) {
            return Optional.empty();
        }
        Set<String> exporterJobs = series.exporterJobs();
        String contractNames = "contract series: " + String.join(", ", series.sampleNames());
        if (series.inNamespace(name)) {
            return Optional.of(name + " looks like an exporter series but is not in the contract (" + contractNames + ")");
        }
        if (job != null && exporterJobs.contains(job)) {
            return Optional.of("job " + job + " (the exporter) does not produce " + name + " (" + contractNames + ")");
        }
        if (jobsKnown && !exporterJobs.isEmpty() && exporterJobs.containsAll(jobs) && exporterJobs.containsAll(contractJobs)) {
            return Optional.of("no scrape job produces " + name + ": the only job"
                    + (exporterJobs.size() == 1 ? " is the exporter's" : "s are the exporters'") + " (" + contractNames + ")");
        }
        return Optional.empty();
    }

    private void names(String name, Site site) {
        if (!namesSeen.add(List.of(site.file().toString(), name))) {
            return;
        }
        int total = name.indexOf("_total_");
        if (total >= 0 && name.endsWith("_total")) {
            out.add(Rules.METRIC_NAME_DOUBLE_TOTAL, site.file(), site.line(), name, site.where() + ": " + name
                    + " has _total twice (a counter suffixed again)");
        }
        var unit = NON_BASE_UNIT.matcher(name);
        if (unit.find()) {
            out.add(Rules.METRIC_NAME_UNIT, site.file(), site.line(), name, site.where() + ": " + name + " uses the unit _"
                    + unit.group(1) + " instead of a base unit (seconds, bytes, ratio)");
        }
    }

    private void groupingAgainstContract(Aggregation a, Site site) {
        if (a.grouping().without()) {
            return;
        }
        List<Selector> selectors = a.expr().collect(Selector.class);
        if (selectors.isEmpty()) {
            return;
        }
        List<String> allowed = new ArrayList<>();
        String contractName = null;
        for (Selector s : selectors) {
            Optional<Served> family = series.familyOf(s.metricName());
            Optional<List<String>> labels = family.flatMap(f -> series.allowedLabels(f, s.metricName()));
            if (labels.isEmpty()) {
                return;
            }
            allowed.addAll(labels.get());
            contractName = contractName == null ? family.get().contractName() : contractName;
        }
        for (String label : a.grouping().labels()) {
            if (!allowed.contains(label) && !series.isForbidden(label)) {
                out.add(Rules.QUERY_UNKNOWN_LABEL, site.file(), site.line(), "by (" + label + ")", site.where() + ": "
                        + a.op() + " by (" + label + ") over " + selectors.get(0).metricName()
                        + ", which has no label " + label + " in " + contractName);
            }
        }
    }

    private void call(Call c, Site site) {
        String fn = c.function();
        if ((fn.equals("label_replace") || fn.equals("label_join")) && c.args().size() > 1
                && c.args().get(1) instanceof Expr.StringLiteral dst) {
            forbidden(List.of(dst.value()), site, fn + "()");
        }
        if (RATE_FUNCTIONS.contains(fn) && !c.args().isEmpty() && Expr.unwrap(c.args().get(0)) instanceof Selector s
                && s.hasRange()) {
            if (!s.range().variable()) {
                out.add(Rules.QUERY_RATE_INTERVAL, site.file(), site.line(), fn + "(…[" + s.range() + "])", site.where()
                        + ": " + fn + "() over a fixed [" + s.range() + "]");
                long min = 2 * scrapeIntervalMs;
                if (scrapeIntervalMs > 0 && s.range().millis() < min) {
                    out.add(Rules.QUERY_RATE_WINDOW_SHORT, site.file(), site.line(), "[" + s.range() + "]", site.where()
                            + ": " + fn + "() over [" + s.range() + "] is shorter than two scrape intervals ("
                            + min / 1000 + "s)");
                }
            }
            series.familyOf(s.metricName()).filter(Served::isGauge).ifPresent(f ->
                    out.add(Rules.QUERY_RATE_ON_GAUGE, site.file(), site.line(), s.metricName(), site.where() + ": " + fn
                            + "() over " + s.metricName() + ", a gauge in " + f.contractName()));
        }
        if (fn.equals("histogram_quantile") && c.args().size() == 2) {
            histogram(c.args().get(1), site);
        }
    }

    private void histogram(Expr arg, Site site) {
        Expr inner = Expr.unwrap(arg);
        if (inner instanceof Aggregation a) {
            String problem = null;
            if (a.grouping() == null) {
                problem = a.op() + "(…) without by (le) drops le";
            } else if (!a.grouping().without() && !a.grouping().labels().contains("le")) {
                problem = a.op() + " by (" + String.join(", ", a.grouping().labels()) + ") drops le";
            } else if (a.grouping().without() && a.grouping().labels().contains("le")) {
                problem = a.op() + " without (le) drops le";
            }
            if (problem != null) {
                out.add(Rules.QUERY_HISTOGRAM_WITHOUT_LE, site.file(), site.line(), a.op(), site.where()
                        + ": histogram_quantile over " + problem + ": the quantile is always NaN");
                return;
            }
        }
        List<String> names = arg.collect(Selector.class).stream().map(Selector::metricName)
                .filter(n -> n != null && !n.startsWith("$")).toList();
        if (!names.isEmpty() && names.stream().noneMatch(n -> n.endsWith("_bucket"))) {
            out.add(Rules.QUERY_HISTOGRAM_WITHOUT_LE, site.file(), site.line(), names.get(0), site.where()
                    + ": histogram_quantile over " + names.get(0) + ", which is not a _bucket series");
        }
    }
}
