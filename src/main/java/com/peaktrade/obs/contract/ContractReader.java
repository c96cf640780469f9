package com.peaktrade.obs.contract;

import com.peaktrade.obs.promql.Expr;
import com.peaktrade.obs.promql.PromqlException;
import com.peaktrade.obs.promql.PromqlParser;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns the contract file's tree into the model, key by key: every key it does not know, every
 * value of the wrong type or shape, a golden query that does not parse and a compose file that is
 * missing are recorded with their line. What spans entries (a uid twice) is
 * {@link ContractConsistency}'s.
 */
final class ContractReader {
    private static final Pattern STACK_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern PROJECT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern QUERY_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{?[A-Za-z_]\\w*");

    private final RelativeFiles files;
    private final Predicate<String> isLintRule;

    /**
     * @param files      where compose files are looked for
     * @param isLintRule whether a rule id, or a prefix ending in *, names lint rules
     */
    ContractReader(RelativeFiles files, Predicate<String> isLintRule) {
        this.files = files;
        this.isLintRule = isLintRule;
    }

    Contract read(ContractNode root, ContractOrigin origin, String text) {
        root.isMappingOf("apiVersion", "stacks", "grafana", "prometheus", "exporters", "lint");
        String apiVersion = root.text("apiVersion");
        if (!apiVersion.isEmpty() && !apiVersion.equals(Contract.API_VERSION)) {
            root.get("apiVersion").problem("'" + apiVersion + "' is not a version this build reads (" + Contract.API_VERSION + ")");
        }
        return new Contract(apiVersion, origin, root.mapSection("stacks", this::stack), grafana(root.get("grafana")),
                prometheus(root.get("prometheus")), root.mapSection("exporters", this::exporter), lint(root.get("lint")), text);
    }

    private Optional<StackDefinition> stack(ContractNode n) {
        matches(n, n.name(), STACK_NAME, "a stack name (it becomes a command: lower case letters, digits and -)");
        if (!n.isMappingOf("description", "project", "compose", "services", "expects", "grafana_query")) {
            return Optional.empty();
        }
        String project = n.text("project");
        matches(n.get("project"), project, PROJECT_NAME, "a compose project name (lower case letters, digits, _ and -)");
        List<String> compose = new ArrayList<>();
        ContractNode composeNode = n.get("compose");
        if (!composeNode.isPresent()) {
            n.problem("missing 'compose' (the stack's compose files, in -f order)");
        } else {
            List<ContractNode> items = composeNode.items();
            for (ContractNode item : items) {
                item.asText().ifPresent(file -> {
                    compose.add(file);
                    if (!files.exists(file)) {
                        item.problem("compose file " + file + " does not exist (" + files.describe(file) + ")");
                    }
                });
            }
            if (items.isEmpty() && composeNode.isList()) {
                composeNode.problem("lists no compose file");
            }
        }
        Map<StackService.Role, StackService> services = new EnumMap<>(StackService.Role.class);
        ContractNode servicesNode = n.get("services");
        if (servicesNode.isPresent() && servicesNode.isMappingOf("prometheus", "grafana", "exporter")) {
            for (StackService.Role role : StackService.Role.values()) {
                ContractNode s = servicesNode.get(role.key());
                if (s.isPresent()) {
                    service(role, s).ifPresent(service -> services.put(role, service));
                }
            }
        }
        Set<ContractArea> expects = EnumSet.allOf(ContractArea.class);
        ContractNode expectsNode = n.get("expects");
        if (expectsNode.isPresent()) {
            expects = EnumSet.noneOf(ContractArea.class);
            for (ContractNode item : expectsNode.items()) {
                item.asChoice(ContractArea.class).ifPresent(expects::add);
            }
        }
        ContractNode query = n.get("grafana_query");
        return Optional.of(new StackDefinition(n.name(), n.optionalText("description"), project, compose, services,
                expects, query.isPresent() ? grafanaQuery(query) : Optional.empty(), n.where()));
    }

    private Optional<StackService> service(StackService.Role role, ContractNode n) {
        if (!n.isMappingOf("service", "port", "host_port", "host_port_env", "path", "job")) {
            return Optional.empty();
        }
        String service = n.text("service");
        OptionalInt port = n.integer("port", 1, 65535);
        if (!n.get("port").isPresent()) {
            n.problem("missing 'port' (the container port)");
        }
        Optional<String> env = n.optionalText("host_port_env");
        env.ifPresent(e -> matches(n.get("host_port_env"), e, ENV_NAME, "an environment variable name"));
        String path = n.optionalText("path").orElse("");
        if (!path.isEmpty() && !path.startsWith("/")) {
            n.get("path").problem("must start with / (e.g. /metrics)");
        }
        return Optional.of(new StackService(role, service, port.orElse(0), n.integer("host_port", 1, 65535), env, path,
                n.optionalText("job"), n.where()));
    }

    private GrafanaExpectations grafana(ContractNode n) {
        if (!n.isPresent() || n.isNull() || !n.isMappingOf("datasources", "datasource_variables", "dashboards", "query")) {
            return GrafanaExpectations.none();
        }
        ContractNode query = n.get("query");
        return new GrafanaExpectations(n.listSection("datasources", this::datasource),
                n.listSection("datasource_variables", this::datasourceVariable), n.listSection("dashboards", this::dashboard),
                query.isPresent() ? grafanaQuery(query) : Optional.empty());
    }

    private Optional<ExpectedDatasource> datasource(ContractNode n) {
        if (!n.isMappingOf("uid", "aliases", "name", "default", "optional", "type", "url")) {
            return Optional.empty();
        }
        return Optional.of(new ExpectedDatasource(n.text("uid"), n.texts("aliases"), n.optionalText("name"),
                n.flag("default"), n.flag("optional"), n.optionalText("type"), n.optionalText("url"), n.where()));
    }

    private Optional<DatasourceVariable> datasourceVariable(ContractNode n) {
        if (!n.isMappingOf("name", "allowed")) {
            return Optional.empty();
        }
        List<String> allowed = n.texts("allowed");
        if (allowed.isEmpty()) {
            n.problem("'allowed' must list the datasource uids the variable may offer");
        }
        return Optional.of(new DatasourceVariable(n.text("name"), allowed, n.where()));
    }

    private Optional<ExpectedDashboard> dashboard(ContractNode n) {
        if (!n.isMappingOf("uid", "folder", "title", "variables")) {
            return Optional.empty();
        }
        List<ExpectedVariable> variables = new ArrayList<>();
        ContractNode list = n.get("variables");
        if (list.isPresent()) {
            list.items().forEach(item -> variable(item).ifPresent(variables::add));
        }
        return Optional.of(new ExpectedDashboard(n.text("uid"), n.optionalText("folder"), n.optionalText("title"),
                variables, n.where()));
    }

    /** A name alone, or {name, kind, query}. */
    private Optional<ExpectedVariable> variable(ContractNode n) {
        if (n.isText()) {
            return n.asText().map(name -> new ExpectedVariable(name, Optional.empty(), Optional.empty(), n.where()));
        }
        if (!n.isMappingOf("name", "kind", "query")) {
            return Optional.empty();
        }
        Optional<String> kind = n.optionalText("kind");
        kind.filter(k -> !ExpectedVariable.KINDS.contains(k)).ifPresent(k -> n.get("kind").problem("'" + k
                + "' is not a Grafana variable type (" + String.join(", ", ExpectedVariable.KINDS.stream().sorted().toList()) + ")"));
        return Optional.of(new ExpectedVariable(n.text("name"), kind, n.optionalText("query"), n.where()));
    }

    private Optional<GrafanaQuery> grafanaQuery(ContractNode n) {
        if (!n.isMappingOf("datasource", "promql")) {
            return Optional.empty();
        }
        return Optional.of(new GrafanaQuery(n.text("datasource"), promql(n), n.where()));
    }

    private PrometheusExpectations prometheus(ContractNode n) {
        if (!n.isPresent() || n.isNull() || !n.isMappingOf("jobs", "queries")) {
            return PrometheusExpectations.none();
        }
        return new PrometheusExpectations(n.listSection("jobs", this::job), n.listSection("queries", this::query));
    }

    /** A name alone, or {name, optional}. */
    private Optional<ExpectedJob> job(ContractNode n) {
        if (n.isText()) {
            return n.asText().map(name -> new ExpectedJob(name, false, n.where()));
        }
        if (!n.isMappingOf("name", "optional")) {
            return Optional.empty();
        }
        return Optional.of(new ExpectedJob(n.text("name"), n.flag("optional"), n.where()));
    }

    private Optional<GoldenQuery> query(ContractNode n) {
        if (!n.isMappingOf("name", "promql", "min_series", "min_value", "max_value", "optional")) {
            return Optional.empty();
        }
        String name = n.text("name");
        matches(n.get("name"), name, QUERY_NAME, "a query name (it becomes the check id prometheus.query.NAME: letters, digits, _ . and -)");
        OptionalDouble min = n.number("min_value");
        OptionalDouble max = n.number("max_value");
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            n.get("min_value").problem("min_value " + min.getAsDouble() + " is above max_value " + max.getAsDouble());
        }
        String promql = promql(n);
        withoutTemplateVariables(n, promql);
        return Optional.of(new GoldenQuery(name, promql, n.integer("min_series", 1, Integer.MAX_VALUE).orElse(1), min, max,
                n.flag("optional"), n.where()));
    }

    /** The entry's promql, which must parse. */
    private static String promql(ContractNode n) {
        String promql = n.text("promql");
        if (!promql.isEmpty()) {
            try {
                PromqlParser.parse(promql);
            } catch (PromqlException e) {
                n.get("promql").problem("PromQL does not parse: " + e.getMessage());
            }
        }
        return promql;
    }

    /**
     * A golden query goes to Prometheus as written, where a Grafana template variable means nothing
     * ({@code [$__rate_interval]} is an error there, {@code job="$job"} matches no series).
     */
    private static void withoutTemplateVariables(ContractNode n, String promql) {
        Expr expr;
        try {
            expr = PromqlParser.parse(promql);
        } catch (PromqlException e) {
            return;
        }
        List<String> variables = new ArrayList<>();
        expr.walk(e -> {
            if (e instanceof Expr.Variable v) {
                variables.add("$" + v.name());
            } else if (e instanceof Expr.Selector s) {
                if (s.hasRange() && s.range().variable()) {
                    variables.add(s.range().toString());
                }
                s.matchers().stream().map(Expr.Matcher::value).filter(value -> TEMPLATE_VARIABLE.matcher(value).find())
                        .forEach(variables::add);
            } else if (e instanceof Expr.Subquery q && (q.range().variable() || q.step() != null && q.step().variable())) {
                variables.add(q.range() + (q.step() == null ? "" : ":" + q.step()));
            }
        });
        if (!variables.isEmpty()) {
            n.get("promql").problem("Grafana template variables mean nothing to Prometheus: " + String.join(", ", variables)
                    + " (write the value out)");
        }
    }

    private Optional<ExporterContract> exporter(ContractNode n) {
        if (!n.isMappingOf("version", "families", "label_values", "forbidden_labels")) {
            return Optional.empty();
        }
        List<ExpectedFamily> families = new ArrayList<>();
        ContractNode list = n.get("families");
        if (list.isPresent()) {
            list.items().forEach(item -> family(item).ifPresent(families::add));
        }
        Map<String, List<String>> labelValues = new LinkedHashMap<>();
        ContractNode values = n.get("label_values");
        if (values.isPresent()) {
            for (ContractNode label : values.entries()) {
                matches(label, label.name(), LABEL_NAME, "a label name");
                labelValues.put(label.name(), values.texts(label.name()));
            }
        }
        List<String> forbidden = n.texts("forbidden_labels");
        return Optional.of(new ExporterContract(n.name(), n.optionalText("version"), families, labelValues, forbidden,
                n.where()));
    }

    /** A name alone, or {name, type, labels}. */
    private Optional<ExpectedFamily> family(ContractNode n) {
        if (n.isText()) {
            return n.asText().map(name -> {
                matches(n, name, METRIC_NAME, "a metric name");
                return new ExpectedFamily(name, Optional.empty(), Optional.empty(), n.where());
            });
        }
        if (!n.isMappingOf("name", "type", "labels")) {
            return Optional.empty();
        }
        String name = n.text("name");
        matches(n.get("name"), name, METRIC_NAME, "a metric name");
        Optional<List<String>> labels = n.optionalTexts("labels");
        labels.ifPresent(names -> names.forEach(label -> matches(n.get("labels"), label, LABEL_NAME, "a label name")));
        return Optional.of(new ExpectedFamily(name, n.choice("type", ExpectedFamily.Type.class), labels, n.where()));
    }

    private LintPolicy lint(ContractNode n) {
        if (!n.isPresent() || n.isNull() || !n.isMappingOf("off", "severity", "ignore")) {
            return LintPolicy.none();
        }
        List<LintPolicy.RuleOff> off = new ArrayList<>();
        ContractNode offNode = n.get("off");
        if (offNode.isPresent()) {
            for (ContractNode item : offNode.items()) {
                item.asText().filter(rule -> knownRule(item, rule)).ifPresent(rule -> off.add(new LintPolicy.RuleOff(rule, item.where())));
            }
        }
        List<LintPolicy.SeverityOverride> severities = new ArrayList<>();
        ContractNode severityNode = n.get("severity");
        if (severityNode.isPresent()) {
            for (ContractNode rule : severityNode.entries()) {
                Optional<LintPolicy.Level> level = rule.asChoice(LintPolicy.Level.class);
                if (knownRule(rule, rule.name()) && level.isPresent()) {
                    severities.add(new LintPolicy.SeverityOverride(rule.name(), level.get(), rule.where()));
                }
            }
        }
        List<LintPolicy.Ignore> ignores = new ArrayList<>();
        ContractNode ignoreNode = n.get("ignore");
        if (ignoreNode.isPresent()) {
            for (ContractNode item : ignoreNode.items()) {
                if (item.isMappingOf("rule", "file", "value", "reason")) {
                    String rule = item.text("rule");
                    if (!rule.isEmpty()) {
                        knownRule(item.get("rule"), rule);
                    }
                    ignores.add(new LintPolicy.Ignore(rule, item.optionalText("file"), item.optionalText("value"),
                            item.text("reason"), item.where()));
                }
            }
        }
        return new LintPolicy(off, severities, ignores, Optional.of(n.where()));
    }

    private boolean knownRule(ContractNode n, String rule) {
        if (isLintRule.test(rule)) {
            return true;
        }
        n.problem("'" + rule + "' names no lint rule (`peaktrade-obs lint --help` and docs/lint.md list them)");
        return false;
    }

    private static void matches(ContractNode n, String value, Pattern pattern, String what) {
        if (!value.isEmpty() && !pattern.matcher(value).matches()) {
            n.problem("'" + value + "' is not " + what);
        }
    }
}
