package com.peaktrade.obs.lint;

import com.peaktrade.obs.contract.ExpectedDatasource;
import com.peaktrade.obs.contract.GrafanaExpectations;
import com.peaktrade.obs.promql.Expr;
import com.peaktrade.obs.promql.PromqlException;
import com.peaktrade.obs.promql.PromqlParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dashboard JSON rules: uids, titles, datasource variables and references, links, and every query. */
final class DashboardLint {
    static final int MAX_UID_LENGTH = 40;
    private static final Pattern VARIABLE_REF = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?:[:.][^}]*)?}|\\$([A-Za-z0-9_]+)|\\[\\[([A-Za-z0-9_]+)(?::[^]]*)?]]");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\s*\\((?:(.*),)?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$", Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("^/d/([^/?#]+)");
    private static final Set<String> SPECIAL_DATASOURCES = Set.of("-- Grafana --", "-- Mixed --", "-- Dashboard --",
            "grafana", "default");

    private record Loaded(Path file, String folder, Node.MapNode root) {
    }

    private final Findings out;
    private final QueryLint queries;
    private final Set<String> datasourceIds;
    private final GrafanaExpectations contract;
    private final List<Loaded> dashboards = new ArrayList<>();

    /**
     * @param datasourceIds the provisioned datasources' uids and names
     * @param contract      the datasources and datasource variables the contract knows
     */
    DashboardLint(Findings out, QueryLint queries, Set<String> datasourceIds, GrafanaExpectations contract) {
        this.out = out;
        this.queries = queries;
        this.datasourceIds = datasourceIds;
        this.contract = contract;
    }

    /** The uids of the dashboards read. */
    Set<String> uids() {
        Set<String> uids = new LinkedHashSet<>();
        dashboards.forEach(d -> {
            if (d.root().text("uid") != null) {
                uids.add(d.root().text("uid"));
            }
        });
        return uids;
    }

    void read(Path file, String folder) {
        Node root;
        try {
            root = LocatedReader.readJson(file);
        } catch (BrokenInputException e) {
            out.broken(file, e.line(), e.getMessage());
            return;
        }
        if (!(root instanceof Node.MapNode m)) {
            out.broken(file, root.line(), "a dashboard must be a JSON object, found " + root.kind());
            return;
        }
        dashboards.add(new Loaded(file, folder, m));
    }

    void lintAll() {
        Map<String, Loaded> uids = new HashMap<>();
        Map<List<String>, Loaded> titles = new HashMap<>();
        for (Loaded d : dashboards) {
            String uid = d.root().text("uid");
            int line = d.root().lineOf("uid");
            if (uid == null || uid.isBlank()) {
                out.add(Rules.DASHBOARD_UID_MISSING, d.file(), d.root().line(), "", out.show(d.file()) + " has no uid");
            } else {
                Loaded first = uids.putIfAbsent(uid, d);
                if (first != null) {
                    out.add(Rules.DASHBOARD_UID_DUPLICATE, d.file(), line, uid, "uid " + uid + " is also the uid of "
                            + out.show(first.file()));
                }
                if (uid.length() > MAX_UID_LENGTH) {
                    out.add(Rules.DASHBOARD_UID_TOO_LONG, d.file(), line, uid, "uid " + uid + " has " + uid.length()
                            + " characters (at most " + MAX_UID_LENGTH + ")");
                }
                if (!uid.matches("[A-Za-z0-9_-]+")) {
                    out.add(Rules.DASHBOARD_UID_INVALID, d.file(), line, uid, "uid \"" + uid + "\" has characters other than "
                            + "letters, digits, - and _");
                }
            }
            String title = d.root().text("title");
            if (title != null) {
                Loaded first = titles.putIfAbsent(List.of(d.folder(), title), d);
                if (first != null) {
                    out.add(Rules.DASHBOARD_TITLE_DUPLICATE, d.file(), d.root().lineOf("title"), title, "title \"" + title
                            + "\" is also used by " + out.show(first.file()) + " in folder " + d.folder());
                }
            }
        }
        for (Loaded d : dashboards) {
            lint(d, uids.keySet());
        }
        Rules.all().stream().filter(r -> r.needs().contains(Input.DASHBOARDS))
                .forEach(r -> out.checked(r, dashboards.size() + " dashboards"));
    }

    private void lint(Loaded d, Set<String> knownUids) {
        String dashboardName = "dashboard " + (d.root().text("uid") == null ? out.show(d.file()) : d.root().text("uid"));
        Map<String, Node.MapNode> variables = new LinkedHashMap<>();
        Map<String, String> variableTypes = new HashMap<>();
        if (d.root().get("templating").orElse(null) instanceof Node.MapNode t
                && t.get("list").orElse(null) instanceof Node.ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof Node.MapNode v && v.text("name") != null) {
                    variables.put(v.text("name"), v);
                    variableTypes.put(v.text("name"), v.text("type"));
                }
            }
        }
        Set<String> usedDatasourceVariables = new LinkedHashSet<>();
        // template variables: their datasource and their queries
        for (Map.Entry<String, Node.MapNode> e : variables.entrySet()) {
            Node.MapNode v = e.getValue();
            String where = dashboardName + " variable " + e.getKey();
            datasourceRef(d, v.get("datasource").orElse(null), where, variableTypes, usedDatasourceVariables);
            if ("datasource".equals(v.text("type"))) {
                currentDatasource(d, v, where);
            }
            forbiddenVariable(d, e.getKey(), v, where);
            if ("query".equals(v.text("type"))) {
                Node q = v.get("query").orElse(null);
                String text = q instanceof Node.Scalar s ? s.text() : q instanceof Node.MapNode m ? m.text("query") : null;
                if (text != null) {
                    variableQuery(text, new QueryLint.Site(d.file(), q.line(), where), variables.keySet());
                }
            }
        }
        panels(d, d.root().get("panels").orElse(null), dashboardName, variables.keySet(), variableTypes,
                usedDatasourceVariables);
        for (Map.Entry<String, String> v : variableTypes.entrySet()) {
            if ("datasource".equals(v.getValue()) && !usedDatasourceVariables.contains(v.getKey())) {
                Node.MapNode node = variables.get(v.getKey());
                out.add(Rules.DASHBOARD_DS_VARIABLE_UNUSED, d.file(), node.lineOf("name"), v.getKey(), dashboardName
                        + " declares datasource variable " + v.getKey() + " but nothing uses it");
            }
        }
        links(d, d.root(), dashboardName, knownUids);
    }

    private void currentDatasource(Loaded d, Node.MapNode v, String where) {
        if (!(v.get("current").orElse(null) instanceof Node.MapNode current)) {
            return;
        }
        String value = current.text("value");
        if (value == null || value.isEmpty() || value.startsWith("$") || SPECIAL_DATASOURCES.contains(value)) {
            return;
        }
        int line = current.lineOf("value");
        if (!datasourceIds.isEmpty() && !datasourceIds.contains(value)) {
            out.add(Rules.DASHBOARD_DS_UNKNOWN_UID, d.file(), line, value, where + " defaults to datasource "
                    + value + ", which no provisioning file defines (known: " + String.join(", ", datasourceIds) + ")");
        }
        notInContract(d, line, value, where + " defaults to datasource " + value);
        String name = v.text("name");
        contract.datasourceVariables().find(dv -> dv.name().equals(name)).ifPresent(dv -> {
            boolean allowed = dv.allowed().stream().anyMatch(uid -> uid.equals(value)
                    || contract.datasource(uid).filter(ds -> ds.matches(value) || ds.name().filter(value::equals).isPresent())
                            .isPresent());
            if (!allowed) {
                out.add(Rules.DATASOURCE_VARIABLE_MISMATCH, d.file(), line, value, where + " defaults to " + value
                        + ", which the contract's variable " + name + " (" + dv.where() + ") does not allow (allowed: "
                        + String.join(", ", dv.allowed()) + ")");
            }
        });
    }

    /** A variable named after a forbidden label, or listing its values: a dropdown of ids, one series per run. */
    private void forbiddenVariable(Loaded d, String name, Node.MapNode v, String where) {
        Node q = v.get("query").orElse(null);
        String text = q instanceof Node.Scalar s ? s.text() : q instanceof Node.MapNode m ? m.text("query") : null;
        Matcher lv = text == null ? null : LABEL_VALUES.matcher(text);
        String listed = lv != null && lv.matches() ? lv.group(2) : null;
        if (queries.isForbidden(name)) {
            out.add(Rules.DASHBOARD_VARIABLE_FORBIDDEN_LABEL, d.file(), v.lineOf("name"), name, where + ": " + name
                    + " is a label the contract forbids" + (listed == null ? "" : " (the variable lists its values)"));
        } else if (listed != null && queries.isForbidden(listed)) {
            out.add(Rules.DASHBOARD_VARIABLE_FORBIDDEN_LABEL, d.file(), q.line(), listed, where + " lists the values of "
                    + listed + ", a label the contract forbids");
        }
    }

    /** A literal datasource uid (or name) that no datasource of the contract has as uid, alias or name. */
    private void notInContract(Loaded d, int line, String uid, String what) {
        if (contract.datasources().expectsNothing()) {
            return;
        }
        boolean known = contract.datasources().find(ds -> ds.matches(uid) || ds.name().filter(uid::equals).isPresent())
                .isPresent();
        if (!known) {
            out.add(Rules.DASHBOARD_DS_NOT_IN_CONTRACT, d.file(), line, uid, what + ", which is not a datasource of the "
                    + "contract (" + String.join(", ", contract.datasources().entries().stream()
                            .map(ExpectedDatasource::uid).toList()) + ")");
        }
    }

    private void panels(Loaded d, Node panelsNode, String dashboardName, Set<String> declared,
            Map<String, String> variableTypes, Set<String> usedDs) {
        if (!(panelsNode instanceof Node.ListNode list)) {
            return;
        }
        for (Node item : list.items()) {
            if (!(item instanceof Node.MapNode panel)) {
                continue;
            }
            String where = dashboardName + " panel \"" + (panel.text("title") != null ? panel.text("title") : panel.text("id") != null ? "#" + panel.text("id") : "(untitled)") + "\"";
            datasourceRef(d, panel.get("datasource").orElse(null), where, variableTypes, usedDs);
            if (panel.get("targets").orElse(null) instanceof Node.ListNode targets) {
                for (Node t : targets.items()) {
                    if (!(t instanceof Node.MapNode target)) {
                        continue;
                    }
                    String targetWhere = where + " query " + (target.text("refId") == null ? "?" : target.text("refId"));
                    datasourceRef(d, target.get("datasource").orElse(null), targetWhere, variableTypes, usedDs);
                    String expr = target.text("expr");
                    if (expr != null && !expr.isBlank()) {
                        QueryLint.Site site = new QueryLint.Site(d.file(), target.lineOf("expr"), targetWhere);
                        undefinedVariables(expr, site, declared);
                        queries.lint(expr, site);
                    }
                }
            }
            panels(d, panel.get("panels").orElse(null), dashboardName, declared, variableTypes, usedDs);
        }
    }

    private void datasourceRef(Loaded d, Node ref, String where, Map<String, String> variableTypes, Set<String> used) {
        String text;
        if (ref instanceof Node.Scalar s) {
            text = s.text();
        } else if (ref instanceof Node.MapNode m) {
            text = m.text("uid");
        } else {
            return;
        }
        if (text == null || text.isEmpty() || SPECIAL_DATASOURCES.contains(text)) {
            return;
        }
        Matcher m = VARIABLE_REF.matcher(text);
        if (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (name.startsWith("__")) {
                return;
            }
            used.add(name);
            String type = variableTypes.get(name);
            if (!"datasource".equals(type)) {
                out.add(Rules.DASHBOARD_DS_VARIABLE_MISSING, d.file(), ref.line(), text, where + " uses datasource " + text
                        + (type == null ? " but the dashboard declares no variable " + name
                                : " but variable " + name + " is of type " + type + ", not datasource"));
            }
            return;
        }
        out.add(Rules.DASHBOARD_DS_HARDCODED, d.file(), ref.line(), text, where + " names datasource " + text
                + " literally");
        if (!datasourceIds.isEmpty() && !datasourceIds.contains(text)) {
            out.add(Rules.DASHBOARD_DS_UNKNOWN_UID, d.file(), ref.line(), text, where + " uses datasource " + text
                    + ", which no provisioning file defines");
        }
        notInContract(d, ref.line(), text, where + " uses datasource " + text);
    }

    private void variableQuery(String text, QueryLint.Site site, Set<String> declared) {
        undefinedVariables(text, site, declared);
        Matcher lv = LABEL_VALUES.matcher(text);
        if (lv.matches()) {
            Expr.Selector selector = null;
            if (lv.group(1) != null && !lv.group(1).isBlank()) {
                try {
                    Expr e = PromqlParser.parse(lv.group(1));
                    if (Expr.unwrap(e) instanceof Expr.Selector s) {
                        selector = s;
                    } else {
                        queries.judge(e, site);
                    }
                } catch (PromqlException e) {
                    out.add(Rules.QUERY_PARSE, site.file(), site.line(), text, site.where() + ": cannot parse the PromQL in "
                            + "label_values: " + e.getMessage());
                    return;
                }
            }
            queries.labelValues(selector, lv.group(2), site);
            return;
        }
        Matcher qr = QUERY_RESULT.matcher(text);
        if (qr.matches()) {
            queries.lint(qr.group(1), site);
        }
    }

    private void undefinedVariables(String text, QueryLint.Site site, Set<String> declared) {
        Matcher m = VARIABLE_REF.matcher(text);
        Set<String> reported = new LinkedHashSet<>();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (!name.startsWith("__") && !declared.contains(name) && reported.add(name)) {
                out.add(Rules.QUERY_VARIABLE_UNDEFINED, site.file(), site.line(), "$" + name, site.where() + " uses $" + name
                        + ", which the dashboard does not declare");
            }
        }
    }

    private void links(Loaded d, Node node, String dashboardName, Set<String> knownUids) {
        if (node instanceof Node.MapNode m) {
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                if (e.getKey().equals("url") && e.getValue() instanceof Node.Scalar s && s.text() != null) {
                    Matcher link = LINK.matcher(s.text());
                    if (link.find() && !knownUids.contains(link.group(1))) {
                        out.add(Rules.DASHBOARD_LINK_UNKNOWN, d.file(), s.line(), s.text(), dashboardName + " links to "
                                + s.text() + ", but no linted dashboard has uid " + link.group(1));
                    }
                } else {
                    links(d, e.getValue(), dashboardName, knownUids);
                }
            }
        } else if (node instanceof Node.ListNode l) {
            l.items().forEach(n -> links(d, n, dashboardName, knownUids));
        }
    }
}
