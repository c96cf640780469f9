package com.peaktrade.obs.lint;

import com.peaktrade.obs.exporter.ShadowMvsContract;
import com.peaktrade.obs.exporter.ShadowMvsContract.Family;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules over one PromQL expression of a dashboard, judged against the exporter contract
 * ({@link ShadowMvsContract}, the one source of truth) and the scrape jobs of the Prometheus configs.
 */
final class QueryLint {
    /** Series Prometheus writes itself for every target or rule, whatever the job. */
    static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling", "scrape_series_added", "scrape_timeout_seconds",
            "scrape_sample_limit", "scrape_body_size_bytes", "ALERTS", "ALERTS_FOR_STATE");
    static final Set<String> RATE_FUNCTIONS = Set.of("rate", "irate", "increase");
    private static final Set<String> ALWAYS_ALLOWED_LABELS = Set.of("job", "instance", "__name__");
    private static final Pattern NON_BASE_UNIT = Pattern.compile(
            "_(ms|msec|milliseconds|microseconds|us|nanoseconds|ns|minutes|hours|days|kb|kilobytes|mb|megabytes|gb|percent|pct)(_|$)");

    /** Where an expression sits: its file and line, and a description (dashboard uid, panel title, refId). */
    record Site(Path file, int line, String where) {
    }

    private final Findings out;
    private final Set<String> jobs;
    private final boolean jobsKnown;
    private final long scrapeIntervalMs;
    private final Set<List<String>> namesSeen = new java.util.HashSet<>();

    QueryLint(Findings out, Set<String> jobs, boolean jobsKnown, long scrapeIntervalMs) {
        this.out = out;
        this.jobs = jobs;
        this.jobsKnown = jobsKnown;
        this.scrapeIntervalMs = scrapeIntervalMs;
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
            Optional<Family> family = familyOf(selector.metricName());
            if (family.isPresent() && !allowedLabels(family.get(), selector.metricName()).contains(label)) {
                out.add(Rules.QUERY_UNKNOWN_LABEL, site.file(), site.line(), label, site.where() + ": label_values over "
                        + selector.metricName() + " asks for label " + label + ", which contract "
                        + ShadowMvsContract.VERSION + " does not define (labels: " + family.get().labels() + ")");
            }
        }
    }

    private void forbidden(List<String> labels, Site site, String context) {
        for (String label : labels) {
            if (ShadowMvsContract.FORBIDDEN_LABELS.contains(label)) {
                out.add(Rules.QUERY_LABEL_FORBIDDEN, site.file(), site.line(), label, site.where() + ": " + label + " in "
                        + context + " (never a label in contract " + ShadowMvsContract.VERSION + ")");
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
        Optional<Family> family = familyOf(name);
        if (family.isPresent()) {
            List<String> allowed = allowedLabels(family.get(), name);
            for (Matcher m : s.matchers()) {
                if (!allowed.contains(m.label()) && !ShadowMvsContract.FORBIDDEN_LABELS.contains(m.label())) {
                    out.add(Rules.QUERY_UNKNOWN_LABEL, site.file(), site.line(), m.toString(), site.where() + ": " + name
                            + " has no label " + m.label() + " in contract " + ShadowMvsContract.VERSION + " (labels: "
                            + family.get().labels() + ")");
                }
                List<String> values = ShadowMvsContract.ALLOWED_VALUES.get(m.label());
                if (values != null && m.isEquality() && !m.value().contains("$") && !values.contains(m.value())) {
                    out.add(Rules.QUERY_LABEL_VALUE, site.file(), site.line(), m.toString(), site.where() + ": " + m.label()
                            + "=\"" + m.value() + "\" is not a value of contract " + ShadowMvsContract.VERSION + " ("
                            + String.join(", ", values) + ")");
                }
            }
            if (job != null && !job.contains("$") && !job.equals(ShadowMvsContract.JOB)) {
                out.add(Rules.QUERY_UNKNOWN_METRIC, site.file(), site.line(), name + "{job=\"" + job + "\"}", site.where()
                        + ": " + name + " is a series of the exporter (job " + ShadowMvsContract.JOB + "), not of job " + job);
            }
            return;
        }
        if (SYNTHETIC.contains(name)) {
            return;
        }
        String contractNames = "contract " + ShadowMvsContract.VERSION + " series: " + String.join(", ", sampleNames());
        if (inContractNamespace(name)) {
            out.add(Rules.QUERY_UNKNOWN_METRIC, site.file(), site.line(), name, site.where() + ": " + name
                    + " looks like an exporter series but is not in the contract (" + contractNames + ")");
        } else if (ShadowMvsContract.JOB.equals(job)) {
            out.add(Rules.QUERY_UNKNOWN_METRIC, site.file(), site.line(), name, site.where() + ": job "
                    + ShadowMvsContract.JOB + " (the exporter) does not produce " + name + " (" + contractNames + ")");
        } else if (jobsKnown && jobs.stream().allMatch(ShadowMvsContract.JOB::equals)) {
            out.add(Rules.QUERY_UNKNOWN_METRIC, site.file(), site.line(), name, site.where() + ": no scrape job produces "
                    + name + ": the only job is the exporter's (" + contractNames + ")");
        }
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
        for (Selector s : selectors) {
            Optional<Family> family = familyOf(s.metricName());
            if (family.isEmpty()) {
                return;
            }
            allowed.addAll(allowedLabels(family.get(), s.metricName()));
        }
        for (String label : a.grouping().labels()) {
            if (!allowed.contains(label) && !ShadowMvsContract.FORBIDDEN_LABELS.contains(label)) {
                out.add(Rules.QUERY_UNKNOWN_LABEL, site.file(), site.line(), "by (" + label + ")", site.where() + ": "
                        + a.op() + " by (" + label + ") over " + selectors.get(0).metricName()
                        + ", which has no label " + label + " in contract " + ShadowMvsContract.VERSION);
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
            familyOf(s.metricName()).filter(f -> f.type() == ShadowMvsContract.Type.GAUGE).ifPresent(f ->
                    out.add(Rules.QUERY_RATE_ON_GAUGE, site.file(), site.line(), s.metricName(), site.where() + ": " + fn
                            + "() over " + s.metricName() + ", a gauge in contract " + ShadowMvsContract.VERSION));
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

    /** The contract family that exposes this sample name (x_bucket, x_sum, x_count of a histogram). */
    static Optional<Family> familyOf(String sampleName) {
        if (sampleName == null) {
            return Optional.empty();
        }
        return ShadowMvsContract.FAMILIES.stream().filter(f -> f.sampleNames().contains(sampleName)).findFirst();
    }

    static List<String> sampleNames() {
        return ShadowMvsContract.FAMILIES.stream().flatMap(f -> f.sampleNames().stream()).toList();
    }

    private static List<String> allowedLabels(Family family, String sampleName) {
        List<String> allowed = new ArrayList<>(family.labels());
        allowed.addAll(ALWAYS_ALLOWED_LABELS);
        if (sampleName.endsWith("_bucket") && family.type() == ShadowMvsContract.Type.HISTOGRAM) {
            allowed.add(ShadowMvsContract.LE);
        }
        return allowed;
    }

    /**
     * Whether a name shares a contract family's namespace: the family name's first min(3, n-1)
     * underscore-separated words (shadow_mvs_…, peak_trade_pipeline_…, peak_trade_risk_…).
     */
    static boolean inContractNamespace(String name) {
        for (Family f : ShadowMvsContract.FAMILIES) {
            String[] words = f.name().split("_");
            int n = Math.min(3, words.length - 1);
            String prefix = String.join("_", Arrays.copyOf(words, n)) + "_";
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
