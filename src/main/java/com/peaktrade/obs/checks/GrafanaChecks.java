package com.peaktrade.obs.checks;

import com.peaktrade.obs.check.Check;
import com.peaktrade.obs.check.CheckContext;
import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.grafana.DashboardDetail;
import com.peaktrade.obs.grafana.Datasource;
import com.peaktrade.obs.grafana.DatasourceHealth;
import com.peaktrade.obs.grafana.FrameResult;
import com.peaktrade.obs.grafana.GrafanaHealth;
import com.peaktrade.obs.grafana.Panel;
import com.peaktrade.obs.grafana.SearchHit;
import com.peaktrade.obs.grafana.TemplateVariable;
import com.peaktrade.obs.http.HttpFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The grafana.* checks, through Grafana's HTTP API. */
final class GrafanaChecks {
    static final String HEALTH = "grafana.health";
    static final String AUTH = "grafana.auth";
    static final String DATASOURCES = "grafana.datasources";
    static final String DATASOURCE_HEALTH = "grafana.datasource.health";
    static final String DASHBOARDS = "grafana.dashboards";
    static final String DASHBOARD_VARS = "grafana.dashboard.vars";
    static final String QUERY = "grafana.query";

    private static final Pattern VARIABLE_REF = Pattern.compile("\\$\\{?(DS_[A-Z0-9_]+)\\}?");

    private GrafanaChecks() {
    }

    /** 503 and connection refused are Grafana starting (migrations run before it listens): waited for. */
    static Check health(VerifyContext ctx) {
        return Check.of(HEALTH, Duration.ofSeconds(90), c -> {
            Optional<String> down = ctx.serviceDown("grafana");
            if (down.isPresent()) {
                return Outcome.fail("Grafana cannot be healthy: " + down.get(),
                        "see why: `peaktrade-obs debug logs grafana` (a second default datasource or an unreadable mount "
                                + "make Grafana exit), then `peaktrade-obs " + ctx.stack().id() + " up`");
            }
            AtomicReference<String> last = new AtomicReference<>("no answer");
            var polled = c.poll(() -> {
                try {
                    GrafanaHealth h = ctx.grafana().health();
                    last.set("HTTP " + h.httpStatus() + ", database " + h.database());
                    return h.ok() ? Optional.of(h) : Optional.empty();
                } catch (RuntimeException e) {
                    last.set(Failures.describe(e));
                    return Optional.empty();
                }
            });
            String url = ctx.targets().grafana() + "/api/health";
            if (polled.done()) {
                GrafanaHealth h = polled.value().orElseThrow();
                return Outcome.pass("Grafana " + (h.version() == null ? "(version hidden)" : h.version()) + ", database ok",
                        "GET " + url + " → 200", "healthy after " + CheckContext.describe(polled));
            }
            return Outcome.fail("Grafana not healthy at " + url + ": " + last.get(),
                    "Grafana is still starting, or it exited: `peaktrade-obs debug ps` and `peaktrade-obs debug logs grafana`; "
                            + "restart it with `peaktrade-obs " + ctx.stack().id() + " up`",
                    "last answer: " + last.get(), CheckContext.describe(polled));
        });
    }

    /** Exactly one attempt: Grafana locks a user out after 5 failed logins in 5 minutes (grafana-facts §2). */
    static Check auth(VerifyContext ctx) {
        return Check.of(AUTH, Set.of(HEALTH), Duration.ofSeconds(10), c -> {
            String who = "user " + ctx.targets().grafanaUser() + " (credentials from " + ctx.targets().credentialsSource() + ")";
            try {
                var auth = ctx.grafana().checkAuth();
                return Outcome.pass("basic auth accepted for " + who, auth.datasourcesVisible() + " datasources visible");
            } catch (HttpFailure f) {
                if (f.kind() == HttpFailure.Kind.UNAUTHORIZED) {
                    return Outcome.fail("Grafana rejected " + who + " (HTTP " + f.status() + ")",
                            "check the password (--grafana-password-file, GRAFANA_ADMIN_PASSWORD, GRAFANA_AUTH). A Grafana data "
                                    + "volume keeps the password of its first start: `peaktrade-obs " + ctx.stack().id()
                                    + " down && peaktrade-obs " + ctx.stack().id() + " up` renews it. Not retried: 5 failures lock the user out.",
                            f.getMessage());
                }
                return Outcome.fail("cannot check the credentials: " + f.getMessage(),
                        "`peaktrade-obs debug health`", f.getMessage());
            }
        });
    }

    static Check datasources(VerifyContext ctx) {
        return Check.of(DATASOURCES, Set.of(AUTH), Duration.ofSeconds(20), c -> {
            List<Datasource> all = ctx.grafana().datasources().value();
            return judgeDatasources(all);
        });
    }

    /** Pure: the provisioned datasources against SPEC §3. */
    static Outcome judgeDatasources(List<Datasource> all) {
        List<String> problems = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        all.forEach(d -> evidence.add(d.uid() + " name=" + d.name() + " default=" + d.isDefault() + " url=" + d.url()));
        long defaults = all.stream().filter(Datasource::isDefault).count();
        if (defaults != 1) {
            problems.add(defaults + " default datasources (exactly one expected: prometheus-local)");
        }
        for (GrafanaContract.ExpectedDatasource expected : GrafanaContract.DATASOURCES) {
            Optional<Datasource> found = all.stream().filter(d -> expected.uid().equals(d.uid())).findFirst();
            if (found.isEmpty()) {
                problems.add("missing " + expected.uid());
                continue;
            }
            Datasource d = found.get();
            if (!expected.name().equals(d.name())) {
                problems.add(expected.uid() + " is named '" + d.name() + "', expected '" + expected.name() + "'");
            }
            if (expected.isDefault() != d.isDefault()) {
                problems.add(expected.uid() + (expected.isDefault() ? " is not the default" : " is marked default"));
            }
        }
        if (!problems.isEmpty()) {
            return Outcome.fail(String.join("; ", problems),
                    "check grafana/provisioning/datasources/*.yaml (uids, names, isDefault) and that the provisioning "
                            + "directory is mounted: `peaktrade-obs debug mounts`", evidence.toArray(String[]::new));
        }
        return Outcome.pass("3 datasources as contracted, default prometheus-local", evidence.toArray(String[]::new));
    }

    /** local and shadow must answer through Grafana; main (the host's Prometheus) is optional: WARN. */
    static Check datasourceHealth(VerifyContext ctx) {
        return Check.of(DATASOURCE_HEALTH, Set.of(DATASOURCES), Duration.ofSeconds(20), c -> {
            List<String> evidence = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            String mainProblem = null;
            for (GrafanaContract.ExpectedDatasource ds : GrafanaContract.DATASOURCES) {
                AtomicReference<DatasourceHealth> last = new AtomicReference<>();
                var polled = c.poll(ds.optional() ? Duration.ZERO : c.remaining(), () -> {
                    DatasourceHealth h = ctx.grafana().datasourceHealth(ds.uid());
                    last.set(h);
                    return h.ok() ? Optional.of(h) : Optional.empty();
                });
                DatasourceHealth h = last.get();
                evidence.add(ds.uid() + ": HTTP " + h.httpStatus() + " " + h.status() + " " + h.message()
                        + " (" + CheckContext.describe(polled) + ")");
                if (!polled.done()) {
                    if (ds.optional()) {
                        mainProblem = ds.uid() + ": " + h.message();
                    } else {
                        failed.add(ds.uid() + ": " + h.message());
                    }
                }
            }
            if (!failed.isEmpty()) {
                return Outcome.fail("Grafana cannot query Prometheus: " + String.join("; ", failed),
                        "inside the stack Grafana must use the service name and container port (http://prometheus-local:9090), "
                                + "not a host-mapped port like 9092; is prometheus-local running?",
                        evidence.toArray(String[]::new));
            }
            if (mainProblem != null) {
                return Outcome.warn("local and shadow OK; the optional main Prometheus is not reachable (" + mainProblem + ")",
                        "start your main Prometheus on the host's port 9090 if you use the prometheus-main datasource",
                        evidence.toArray(String[]::new));
            }
            return Outcome.pass("local, shadow and main answer through Grafana", evidence.toArray(String[]::new));
        });
    }

    /** Dashboards may still be loading after the first 200: waited for within the budget. */
    static Check dashboards(VerifyContext ctx) {
        return Check.of(DASHBOARDS, Set.of(AUTH), Duration.ofSeconds(30), c -> {
            AtomicReference<List<SearchHit>> last = new AtomicReference<>(List.of());
            var polled = c.poll(() -> {
                List<SearchHit> hits = ctx.grafana().search("dash-db", List.of()).value();
                last.set(hits);
                return problemsWithDashboards(hits).isEmpty() ? Optional.of(hits) : Optional.empty();
            });
            List<String> problems = problemsWithDashboards(last.get());
            List<String> evidence = new ArrayList<>();
            last.get().forEach(h -> evidence.add(h.uid() + " in " + h.folderTitle()));
            evidence.add(CheckContext.describe(polled));
            if (!problems.isEmpty()) {
                return Outcome.fail(String.join("; ", problems),
                        "the dashboards provider (grafana/provisioning/dashboards/dashboards.yaml) must point at the mounted "
                                + "dashboards directory with foldersFromFilesStructure: `peaktrade-obs debug mounts`",
                        evidence.toArray(String[]::new));
            }
            return Outcome.pass("4 dashboards in their folders (execution, overview, shadow, http)", evidence.toArray(String[]::new));
        });
    }

    static List<String> problemsWithDashboards(List<SearchHit> hits) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(GrafanaContract.DASHBOARDS).entrySet()) {
            Optional<SearchHit> hit = hits.stream().filter(h -> e.getKey().equals(h.uid())).findFirst();
            if (hit.isEmpty()) {
                problems.add("missing " + e.getKey());
            } else if (!e.getValue().equals(hit.get().folderTitle())) {
                problems.add(e.getKey() + " is in folder '" + hit.get().folderTitle() + "', expected '" + e.getValue() + "'");
            }
        }
        return problems;
    }

    static Check dashboardVars(VerifyContext ctx) {
        return Check.of(DASHBOARD_VARS, Set.of(DASHBOARDS), Duration.ofSeconds(20), c -> {
            List<String> problems = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            for (String uid : new TreeSet<>(GrafanaContract.DASHBOARDS.keySet())) {
                Optional<DashboardDetail> d = ctx.grafana().dashboard(uid).value();
                if (d.isEmpty()) {
                    problems.add(uid + " not found");
                    continue;
                }
                List<String> p = problemsWithVariables(d.get());
                problems.addAll(p);
                evidence.add(uid + ": variables " + d.get().variables().stream().map(TemplateVariable::name).toList());
            }
            if (!problems.isEmpty()) {
                return Outcome.fail(String.join("; ", problems),
                        "fix the dashboard JSON's templating.list: declare a datasource variable (type datasource, query "
                                + "prometheus) for each ${DS_…} its panels use; the shadow dashboard also needs mode and exchange",
                        evidence.toArray(String[]::new));
            }
            return Outcome.pass("all 4 dashboards declare their datasource variables; shadow has mode and exchange",
                    evidence.toArray(String[]::new));
        });
    }

    /** Pure: a dashboard's variables against what its panels use (and the shadow dashboard's contract). */
    static List<String> problemsWithVariables(DashboardDetail d) {
        List<String> problems = new ArrayList<>();
        TreeSet<String> used = new TreeSet<>();
        List<String> hardCoded = new ArrayList<>();
        for (Panel p : d.panels()) {
            String uid = p.datasourceUid();
            if (uid == null) {
                continue;
            }
            Matcher m = VARIABLE_REF.matcher(uid);
            if (m.find()) {
                used.add(m.group(1));
            } else if (!uid.startsWith("-- ") && !uid.startsWith("$")) {
                hardCoded.add(p.title() + " → " + uid);
            }
        }
        for (TemplateVariable v : d.variables()) {
            if (v.datasourceUid() != null) {
                Matcher m = VARIABLE_REF.matcher(v.datasourceUid());
                if (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (String name : used) {
            Optional<TemplateVariable> v = d.variable(name);
            if (v.isEmpty()) {
                problems.add(d.uid() + " uses ${" + name + "} but does not declare it");
            } else if (!"datasource".equals(v.get().type())) {
                problems.add(d.uid() + " variable " + name + " is of type " + v.get().type() + ", expected datasource");
            }
        }
        if (used.isEmpty() && !d.panels().isEmpty()) {
            problems.add(d.uid() + " selects no datasource through DS_LOCAL/DS_SHADOW/DS_MAIN");
        }
        if (!hardCoded.isEmpty()) {
            problems.add(d.uid() + " has panels with a hard-coded datasource: " + String.join(", ", hardCoded));
        }
        if (GrafanaContract.SHADOW_DASHBOARD.equals(d.uid())) {
            GrafanaContract.SHADOW_VARIABLES.forEach((name, query) -> {
                Optional<TemplateVariable> v = d.variable(name);
                if (v.isEmpty()) {
                    problems.add(d.uid() + " lacks the " + name + " variable");
                } else if (v.get().query() == null || !normalize(v.get().query()).equals(normalize(query))) {
                    problems.add(d.uid() + " variable " + name + " queries '" + v.get().query() + "', expected '" + query + "'");
                }
            });
        }
        return problems;
    }

    private static String normalize(String query) {
        return query.replaceAll("\\s+", "");
    }

    /** A golden query through Grafana's datasource: proves the wiring Grafana → Prometheus → data. */
    static Check query(VerifyContext ctx, String datasourceUid, String expr) {
        return Check.of(QUERY, Set.of(DATASOURCE_HEALTH), Duration.ofSeconds(45), c -> {
            AtomicReference<FrameResult> last = new AtomicReference<>();
            var polled = c.poll(() -> {
                FrameResult r = ctx.grafana().query(datasourceUid, expr);
                last.set(r);
                return r.hasData() ? Optional.of(r) : Optional.empty();
            });
            FrameResult r = last.get();
            String[] evidence = {"datasource " + datasourceUid, "query " + expr,
                "HTTP " + r.httpStatus() + ", " + r.series().size() + " series", CheckContext.describe(polled)};
            if (polled.done()) {
                return Outcome.pass(r.series().size() + " series through " + datasourceUid, evidence);
            }
            if (r.error() != null) {
                return Outcome.fail("query through " + datasourceUid + " failed: " + r.error(),
                        "datasource wiring: the datasource's URL must reach Prometheus from Grafana's container", evidence);
            }
            return Outcome.fail("query through " + datasourceUid + " returned no data",
                    "warm-up not over, or the datasource points at a Prometheus without this data", evidence);
        });
    }
}
