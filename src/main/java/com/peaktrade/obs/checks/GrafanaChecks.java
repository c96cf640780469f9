package com.peaktrade.obs.checks;

import com.peaktrade.obs.check.Check;
import com.peaktrade.obs.check.CheckBody;
import com.peaktrade.obs.check.CheckContext;
import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.contract.ExpectedDashboard;
import com.peaktrade.obs.contract.ExpectedDatasource;
import com.peaktrade.obs.contract.ExpectedVariable;
import com.peaktrade.obs.contract.GrafanaQuery;
import com.peaktrade.obs.contract.StackService;
import com.peaktrade.obs.grafana.DashboardDetail;
import com.peaktrade.obs.grafana.Datasource;
import com.peaktrade.obs.grafana.DatasourceHealth;
import com.peaktrade.obs.grafana.FrameResult;
import com.peaktrade.obs.grafana.GrafanaHealth;
import com.peaktrade.obs.grafana.GrafanaIdentity;
import com.peaktrade.obs.grafana.PermissionDenied;
import com.peaktrade.obs.grafana.SearchHit;
import com.peaktrade.obs.grafana.TemplateVariable;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.poll.Poller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The grafana.* checks, through Grafana's HTTP API, against the contract's grafana section: its
 * datasources (a uid or any of its aliases), dashboards and the variables each must declare.
 */
final class GrafanaChecks {
    static final String HEALTH = "grafana.health";
    static final String AUTH = "grafana.auth";
    static final String DATASOURCES = "grafana.datasources";
    static final String DATASOURCE_HEALTH = "grafana.datasource.health";
    static final String DASHBOARDS = "grafana.dashboards";
    static final String DASHBOARD_VARS = "grafana.dashboard.vars";
    static final String QUERY = "grafana.query";

    private GrafanaChecks() {
    }

    /** 503 and connection refused are Grafana starting (migrations run before it listens): waited for. */
    static Check health(VerifyContext ctx) {
        return Check.of(HEALTH, Duration.ofSeconds(90), c -> {
            Optional<String> down = ctx.roleDown(StackService.Role.GRAFANA);
            if (down.isPresent()) {
                return Outcome.fail("Grafana cannot be healthy: " + down.get(),
                        "see why: `peaktrade-obs debug logs grafana` (a second default datasource or an unreadable mount "
                                + "make Grafana exit), then `peaktrade-obs " + ctx.stack().name() + " up`");
            }
            Optional<Outcome> nothingThere = ctx.defaultedAndUnreachable(StackService.Role.GRAFANA, "Grafana",
                    () -> ctx.grafana().health());
            if (nothingThere.isPresent()) {
                return nothingThere.get();
            }
            var answer = c.await(() -> ctx.grafana().health(), GrafanaHealth::ok);
            String url = ctx.targets().grafana() + "/api/health";
            if (answer.ready()) {
                GrafanaHealth h = answer.last().orElseThrow();
                return Outcome.pass("Grafana " + (h.version() == null ? "(version hidden)" : h.version()) + ", database ok",
                        "GET " + url + " → 200", "healthy after " + CheckContext.describe(answer));
            }
            return CheckContext.notReady("Grafana not healthy", url,
                    answer.describe(h -> "HTTP " + h.httpStatus() + ", database " + h.database(), Failures::describe),
                    "Grafana is still starting, or it exited: `peaktrade-obs debug ps` and `peaktrade-obs debug logs "
                            + ctx.service(StackService.Role.GRAFANA).orElse("grafana") + "`; restart it with `peaktrade-obs "
                            + ctx.stack().name() + " up`", answer);
        });
    }

    /**
     * Exactly one attempt: Grafana locks a user out after 5 failed logins in 5 minutes (grafana-facts
     * §2). Role-neutral (G14): an account that may not read data sources still passes here, and the
     * checks that need that permission name it.
     */
    static Check auth(VerifyContext ctx) {
        return Check.of(AUTH, Set.of(HEALTH), Duration.ofSeconds(10), c -> {
            var access = ctx.targets().access();
            String how = access.grafana().describe();
            if (!access.grafana().hasCredentials()) {
                return Outcome.fail("no Grafana credentials given", GrafanaAuthHints.NONE_GIVEN, access.notes());
            }
            try {
                GrafanaIdentity id = ctx.grafana().checkAuth().identity();
                List<String> lacking = GrafanaAuthHints.NEEDED.stream().filter(a -> !id.has(a)).toList();
                String message = "authenticated as " + id.describe() + " with " + how
                        + (lacking.isEmpty() ? "" : "; it lacks " + String.join(", ", lacking));
                return Outcome.pass(message, id.permissions().size() + " permissions in org "
                        + (id.orgId() == 0 ? "(not said)" : id.orgId()), access.notes());
            } catch (HttpFailure f) {
                if (f.kind() == HttpFailure.Kind.UNAUTHORIZED) {
                    return Outcome.fail("Grafana rejected the " + how + " (HTTP " + f.status()
                            + (f.serverMessage() == null ? "" : ": " + f.serverMessage()) + ")",
                            GrafanaAuthHints.forRejection(f, ctx.stack().name()), f.getMessage(), access.notes());
                }
                return Outcome.fail("cannot check the credentials: " + f.getMessage(),
                        f.hint() != null ? f.hint() : "`peaktrade-obs debug health`", f.getMessage(), access.notes());
            }
        });
    }

    /**
     * A check body that needs a Grafana permission: Grafana's 403 becomes a FAIL naming who is
     * authenticated and which permission is missing, instead of a raw error.
     */
    static CheckBody permitted(VerifyContext ctx, String id, CheckBody body) {
        return c -> {
            try {
                return body.run(c);
            } catch (HttpFailure f) {
                Optional<String> needed = PermissionDenied.needed(f);
                if (needed.isEmpty()) {
                    throw f;
                }
                String who = ctx.grafana().identity().map(GrafanaIdentity::describe)
                        .orElse(ctx.targets().access().grafana().describe());
                return Outcome.fail("authenticated as " + who + "; " + id + " needs " + needed.get(),
                        GrafanaAuthHints.permission(needed.get()), f.getMessage());
            }
        };
    }

    static Check datasources(VerifyContext ctx) {
        return Check.of(DATASOURCES, Set.of(AUTH), Duration.ofSeconds(20), permitted(ctx, DATASOURCES, c -> {
            List<Datasource> all = ctx.grafana().datasources().value();
            return judgeDatasources(all, ctx.contract().grafana().datasources().entries());
        }));
    }

    /** A 403 naming a permission, kept as a poll's last error, is thrown for {@link #permitted} to report. */
    private static void rethrowDenial(java.util.Collection<? extends Poller.Answer<?>> answers) {
        for (Poller.Answer<?> a : answers) {
            if (a.error().isPresent() && PermissionDenied.needed(a.error().get()).isPresent()) {
                throw a.error().get();
            }
        }
    }

    /** Pure: the provisioned datasources against the contract's; an alias stands for its uid. */
    static Outcome judgeDatasources(List<Datasource> all, List<ExpectedDatasource> expected) {
        List<Shortfall> problems = new ArrayList<>();
        List<Shortfall> optionalMissing = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        all.forEach(d -> evidence.add(d.uid() + " name=" + d.name() + " default=" + d.isDefault() + " url=" + d.url()));
        List<DatasourceMatch> matches = DatasourceMatch.of(expected, all);
        Optional<DatasourceMatch> contractedDefault = matches.stream().filter(m -> m.expected().isDefault()).findFirst();
        long defaults = all.stream().filter(Datasource::isDefault).count();
        if (contractedDefault.isPresent() && defaults != 1) {
            ExpectedDatasource e = contractedDefault.get().expected();
            problems.add(new Shortfall(defaults + " default datasources (exactly one expected: " + e.name().orElse(e.uid()) + ")",
                    e.where()));
        }
        for (DatasourceMatch m : matches) {
            ExpectedDatasource e = m.expected();
            if (m.missing()) {
                String missing = "missing " + e.uid() + (e.aliases().isEmpty() ? "" : " (nor its alias "
                        + String.join(", ", e.aliases()) + ")");
                (e.optional() ? optionalMissing : problems).add(new Shortfall(missing, e.where()));
                continue;
            }
            m.found().stream().filter(d -> !d.uid().equals(e.uid())).forEach(d -> aliases.add(m.describe(d)));
            Datasource d = m.primary().orElseThrow();
            if (e.name().isPresent() && !e.name().get().equals(d.name())) {
                problems.add(new Shortfall(d.uid() + " is named '" + d.name() + "', expected '" + e.name().get() + "'", e.where()));
            }
            if (e.isDefault() && m.found().stream().noneMatch(Datasource::isDefault)) {
                // during a migration either uid may be the default
                problems.add(new Shortfall(d.uid() + " is not the default", e.where()));
            }
            m.found().stream().filter(f -> !e.isDefault() && f.isDefault())
                    .forEach(f -> problems.add(new Shortfall(f.uid() + " is marked default", e.where())));
            if (e.type().isPresent() && !e.type().get().equals(d.type())) {
                problems.add(new Shortfall(d.uid() + " is of type " + d.type() + ", expected " + e.type().get(), e.where()));
            }
            if (e.url().isPresent() && !e.url().get().equals(d.url())) {
                problems.add(new Shortfall(d.uid() + " points at " + d.url() + ", expected " + e.url().get(), e.where()));
            }
        }
        long found = matches.stream().filter(m -> !m.missing()).count();
        String asContracted = found + " datasources as contracted" + contractedDefault
                .flatMap(m -> m.found().stream().filter(Datasource::isDefault).findFirst().or(m::primary))
                .map(d -> ", default " + d.name()).orElse("") + (aliases.isEmpty() ? "" : "; " + String.join(", ", aliases));
        if (!problems.isEmpty()) {
            List<Shortfall> all2 = new ArrayList<>(problems);
            all2.addAll(optionalMissing);
            evidence.addAll(Shortfall.evidence(all2));
            return Outcome.fail(Shortfall.messages(problems),
                    "check grafana/provisioning/datasources/*.yaml (uids, names, isDefault) and that the provisioning "
                            + "directory is mounted: `peaktrade-obs debug mounts`", evidence.toArray(String[]::new));
        }
        if (!optionalMissing.isEmpty()) {
            evidence.addAll(Shortfall.evidence(optionalMissing));
            return Outcome.warn(asContracted + "; optional " + Shortfall.messages(optionalMissing),
                    "the contract marks them optional: provision them if you use them", evidence.toArray(String[]::new));
        }
        return Outcome.pass(asContracted, evidence.toArray(String[]::new));
    }

    /** Required datasources must answer through Grafana; optional ones (the host's Prometheus) only WARN. */
    static Check datasourceHealth(VerifyContext ctx) {
        return Check.of(DATASOURCE_HEALTH, Set.of(DATASOURCES), Duration.ofSeconds(20), permitted(ctx, DATASOURCE_HEALTH, c -> {
            List<Datasource> all = ctx.grafana().datasources().value();
            List<DatasourceMatch> matches = DatasourceMatch.of(ctx.contract().grafana().datasources().entries(), all);
            // optional ones first, one attempt each: the wait for a required one may use up the budget;
            // each group side by side, within the client's in-flight limit
            Map<DatasourceMatch, Poller.Answer<DatasourceHealth>> answers = new HashMap<>();
            for (boolean optional : new boolean[] {true, false}) {
                List<DatasourceMatch> group = matches.stream().filter(m -> m.expected().optional() == optional && !m.missing()).toList();
                List<Poller.Answer<DatasourceHealth>> asked = FanOut.map(group, ctx.grafana().maxInFlight(),
                        m -> c.await(optional ? Duration.ZERO : c.remaining(),
                                () -> ctx.grafana().datasourceHealth(m.liveUid()), DatasourceHealth::ok));
                for (int i = 0; i < group.size(); i++) {
                    answers.put(group.get(i), asked.get(i));
                }
            }
            rethrowDenial(answers.values());
            List<String> evidence = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            List<String> fine = new ArrayList<>();
            List<DatasourceMatch> optionalDown = new ArrayList<>();
            List<String> optionalProblems = new ArrayList<>();
            for (DatasourceMatch m : matches) {
                ExpectedDatasource ds = m.expected();
                if (m.missing()) {
                    // grafana.datasources reports it (FAIL, or WARN when optional)
                    evidence.add(ds.uid() + ": not provisioned");
                    if (ds.optional()) {
                        optionalDown.add(m);
                        optionalProblems.add(ds.uid() + ": not provisioned");
                    }
                    continue;
                }
                String uid = m.liveUid();
                var answer = answers.get(m);
                String said = answer.describe(h -> h.message(), Failures::describe);
                evidence.add(uid + ": " + answer.last().map(h -> "HTTP " + h.httpStatus() + " " + h.status() + " " + h.message())
                        .orElse(said) + " (" + CheckContext.describe(answer) + ")");
                if (answer.ready()) {
                    fine.add(m.label());
                } else if (ds.optional()) {
                    optionalDown.add(m);
                    optionalProblems.add(uid + ": " + said);
                } else {
                    failed.add(uid + ": " + said);
                }
            }
            if (!failed.isEmpty()) {
                return Outcome.fail("Grafana cannot query Prometheus: " + String.join("; ", failed),
                        "inside the stack Grafana must use the service name and container port (http://prometheus-local:9090), "
                                + "not a host-mapped port like 9092; is prometheus-local running?",
                        evidence.toArray(String[]::new));
            }
            if (!optionalDown.isEmpty()) {
                List<String> labels = optionalDown.stream().map(DatasourceMatch::label).toList();
                return Outcome.warn(DatasourceMatch.inWords(fine) + " OK; the optional " + DatasourceMatch.inWords(labels)
                        + " Prometheus " + (labels.size() == 1 ? "is" : "are") + " not reachable ("
                        + String.join("; ", optionalProblems) + ")",
                        "start what the optional datasource " + (labels.size() == 1 ? "" : "s ")
                                + DatasourceMatch.inWords(optionalDown.stream().map(m -> m.expected().uid()).toList())
                                + " points at if you use it; the contract marks it optional",
                        evidence.toArray(String[]::new));
            }
            return Outcome.pass(DatasourceMatch.inWords(fine) + " answer through Grafana", evidence.toArray(String[]::new));
        }));
    }

    /**
     * Up to this many contracted dashboards are asked for by uid (one search, a URL of a few KB that
     * any proxy passes); beyond it the whole list is read, 5,000 hits a page.
     */
    static final int SEARCH_BY_UID_MAX = 100;
    private static final int EVIDENCE_HITS_MAX = 100;

    /** Dashboards may still be loading after the first 200: waited for within the budget. */
    static Check dashboards(VerifyContext ctx) {
        List<ExpectedDashboard> expected = ctx.contract().grafana().dashboards().entries();
        List<String> uids = expected.size() <= SEARCH_BY_UID_MAX ? expected.stream().map(ExpectedDashboard::uid).toList() : List.of();
        return Check.of(DASHBOARDS, Set.of(AUTH), Duration.ofSeconds(30), c -> {
            // /api/search never answers 403: it hides what the caller may not read (G15), so ask first
            Optional<GrafanaIdentity> who = ctx.grafana().identity();
            if (who.isPresent() && !who.get().has("dashboards:read")) {
                return Outcome.fail("authenticated as " + who.get().describe() + "; " + DASHBOARDS + " needs dashboards:read",
                        GrafanaAuthHints.permission("dashboards:read"), who.get().permissions().size() + " permissions");
            }
            var answer = c.await(() -> ctx.grafana().search("dash-db", uids).value(),
                    hits -> problemsWithDashboards(hits, expected).isEmpty());
            if (answer.last().isEmpty()) {
                String error = answer.describe(h -> "", Failures::describe);
                return Outcome.fail("cannot list dashboards: " + error, "`peaktrade-obs debug health`",
                        CheckContext.describe(answer));
            }
            List<SearchHit> hits = answer.last().get();
            List<Shortfall> problems = problemsWithDashboards(hits, expected);
            List<String> evidence = new ArrayList<>();
            hits.stream().limit(EVIDENCE_HITS_MAX).forEach(h -> evidence.add(h.uid() + " in " + h.folderTitle()));
            if (hits.size() > EVIDENCE_HITS_MAX) {
                evidence.add("… and " + (hits.size() - EVIDENCE_HITS_MAX) + " more");
            }
            evidence.add(CheckContext.describe(answer));
            if (!problems.isEmpty()) {
                evidence.addAll(Shortfall.evidence(problems));
                return Outcome.fail(Shortfall.messages(problems),
                        "the dashboards provider (grafana/provisioning/dashboards/dashboards.yaml) must point at the mounted "
                                + "dashboards directory with foldersFromFilesStructure: `peaktrade-obs debug mounts`",
                        evidence.toArray(String[]::new));
            }
            List<String> folders = expected.stream().flatMap(d -> d.folder().stream()).distinct().toList();
            String inFolders = folders.isEmpty() ? "" : folders.size() <= 10 ? " in their folders (" + String.join(", ", folders) + ")"
                    : " in their " + folders.size() + " folders";
            return Outcome.pass(hits.size() + " dashboards found; the " + expected.size() + " contracted" + inFolders,
                    evidence.toArray(String[]::new));
        });
    }

    /** Pure: Grafana's dashboards against the contract's (uid, folder and title where it gives them), by uid. */
    static List<Shortfall> problemsWithDashboards(List<SearchHit> hits, List<ExpectedDashboard> expected) {
        Map<String, SearchHit> byUid = new HashMap<>();
        hits.forEach(h -> byUid.putIfAbsent(h.uid(), h));
        List<Shortfall> problems = new ArrayList<>();
        for (ExpectedDashboard e : expected.stream().sorted(Comparator.comparing(ExpectedDashboard::uid)).toList()) {
            Optional<SearchHit> hit = Optional.ofNullable(byUid.get(e.uid()));
            if (hit.isEmpty()) {
                problems.add(new Shortfall("missing " + e.uid(), e.where()));
                continue;
            }
            if (e.folder().isPresent() && !e.folder().get().equals(hit.get().folderTitle())) {
                problems.add(new Shortfall(e.uid() + " is in folder '" + hit.get().folderTitle() + "', expected '"
                        + e.folder().get() + "'", e.where()));
            }
            if (e.title().isPresent() && !e.title().get().equals(hit.get().title())) {
                problems.add(new Shortfall(e.uid() + " is titled '" + hit.get().title() + "', expected '" + e.title().get() + "'",
                        e.where()));
            }
        }
        return problems;
    }

    /**
     * Exactly the variables the contract lists per dashboard; how panels pick a datasource is lint's
     * business. One request per dashboard (Grafana has no batch read of dashboard JSON), as many at
     * once as the client's in-flight limit allows.
     */
    static Check dashboardVars(VerifyContext ctx) {
        List<ExpectedDashboard> withVariables = ctx.contract().grafana().dashboards().entries().stream()
                .filter(d -> !d.variables().isEmpty()).sorted(Comparator.comparing(ExpectedDashboard::uid)).toList();
        return Check.of(DASHBOARD_VARS, Set.of(DASHBOARDS), Duration.ofSeconds(20), permitted(ctx, DASHBOARD_VARS, c -> {
            List<Shortfall> problems = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            // each dashboard's shortfalls and its evidence line, in the contract's order whatever order they came in
            record Read(List<Shortfall> problems, String evidence) {
            }
            List<Read> reads = FanOut.map(withVariables, ctx.grafana().maxInFlight(), expected -> {
                try {
                    Optional<DashboardDetail> d = ctx.grafana().dashboard(expected.uid()).value();
                    if (d.isEmpty()) {
                        return new Read(List.of(new Shortfall(expected.uid() + " not found", expected.where())), null);
                    }
                    return new Read(problemsWithVariables(d.get(), expected), expected.uid() + ": variables "
                            + d.get().variables().stream().map(TemplateVariable::name).toList());
                } catch (HttpFailure f) {
                    return new Read(List.of(new Shortfall(expected.uid() + " cannot be read: " + Failures.problem(f),
                            expected.where())), null);
                }
            });
            reads.forEach(r -> problems.addAll(r.problems()));
            reads.stream().map(Read::evidence).filter(java.util.Objects::nonNull).limit(EVIDENCE_HITS_MAX).forEach(evidence::add);
            if (!problems.isEmpty()) {
                evidence.addAll(Shortfall.evidence(problems));
                return Outcome.fail(Shortfall.messages(problems),
                        "fix the dashboard JSON's templating.list so it declares the variables the contract lists for it "
                                + "(or change the contract)", evidence.toArray(String[]::new));
            }
            int variables = withVariables.stream().mapToInt(d -> d.variables().size()).sum();
            if (withVariables.isEmpty()) {
                return Outcome.pass("the contract lists no dashboard variables: nothing to check");
            }
            return Outcome.pass("all " + variables + " contracted variables declared in " + withVariables.size() + " dashboards",
                    evidence.toArray(String[]::new));
        }));
    }

    /** Pure: a dashboard's variables against those the contract lists for it (kind and query where given). */
    static List<Shortfall> problemsWithVariables(DashboardDetail d, ExpectedDashboard expected) {
        List<Shortfall> problems = new ArrayList<>();
        for (ExpectedVariable e : expected.variables()) {
            Optional<TemplateVariable> v = d.variable(e.name());
            if (v.isEmpty()) {
                problems.add(new Shortfall(d.uid() + " lacks the " + e.name() + " variable", e.where()));
                continue;
            }
            if (e.kind().isPresent() && !e.kind().get().equals(v.get().type())) {
                problems.add(new Shortfall(d.uid() + " variable " + e.name() + " is of type " + v.get().type() + ", expected "
                        + e.kind().get(), e.where()));
            }
            if (e.query().isPresent() && (v.get().query() == null
                    || !normalize(v.get().query()).equals(normalize(e.query().get())))) {
                problems.add(new Shortfall(d.uid() + " variable " + e.name() + " queries '" + v.get().query() + "', expected '"
                        + e.query().get() + "'", e.where()));
            }
        }
        return problems;
    }

    private static String normalize(String query) {
        return query.replaceAll("\\s+", "");
    }

    /**
     * A query through a Grafana datasource: proves the wiring Grafana → Prometheus → data. The
     * contract's datasource is asked for under the uid Grafana has (its own or an alias).
     */
    static Check query(VerifyContext ctx, GrafanaQuery query) {
        return Check.of(QUERY, Set.of(DATASOURCE_HEALTH), Duration.ofSeconds(45), permitted(ctx, QUERY, c -> {
            String uid = liveUid(ctx, query.datasource());
            String expr = query.promql();
            var answer = c.await(() -> ctx.grafana().query(uid, expr), FrameResult::hasData);
            rethrowDenial(List.of(answer));
            if (answer.last().isEmpty()) {
                return Outcome.fail("query through " + uid + " failed: " + answer.describe(r -> "", Failures::describe),
                        "datasource wiring: the datasource's URL must reach Prometheus from Grafana's container",
                        "datasource " + uid, "query " + expr, "contract " + query.where(), CheckContext.describe(answer));
            }
            FrameResult r = answer.last().get();
            String[] evidence = {"datasource " + uid, "query " + expr,
                "HTTP " + r.httpStatus() + ", " + r.series().size() + " series", CheckContext.describe(answer)};
            if (answer.ready()) {
                return Outcome.pass(r.series().size() + " series through " + uid, evidence);
            }
            if (r.error() != null) {
                return Outcome.fail("query through " + uid + " failed: " + r.error(),
                        "datasource wiring: the datasource's URL must reach Prometheus from Grafana's container", evidence)
                        .withEvidence("contract " + query.where());
            }
            return Outcome.fail("query through " + uid + " returned no data",
                    "warm-up not over, or the datasource points at a Prometheus without this data", evidence)
                    .withEvidence("contract " + query.where());
        }));
    }

    /** The uid Grafana has for a contract datasource (its uid or an alias), else {@code uid} as written. */
    private static String liveUid(VerifyContext ctx, String uid) {
        Optional<ExpectedDatasource> expected = ctx.contract().grafana().datasource(uid);
        if (expected.isEmpty()) {
            return uid;
        }
        try {
            List<Datasource> all = ctx.grafana().datasources().value();
            if (all.stream().anyMatch(d -> d.uid().equals(uid))) {
                return uid;
            }
            return DatasourceMatch.of(List.of(expected.get()), all).get(0).liveUid();
        } catch (RuntimeException e) {
            return uid;
        }
    }
}
