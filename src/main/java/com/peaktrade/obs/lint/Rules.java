package com.peaktrade.obs.lint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every lint rule, in report order. docs/lint.md describes each with an example. */
public final class Rules {
    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

    private static Rule error(String id, Set<Input> needs, String summary, String hint) {
        Rule rule = new Rule(id, Severity.ERROR, needs, summary, hint);
        BY_ID.put(id, rule);
        return rule;
    }

    private static Rule warning(String id, Set<Input> needs, String summary, String hint) {
        Rule rule = new Rule(id, Severity.WARNING, needs, summary, hint);
        BY_ID.put(id, rule);
        return rule;
    }

    // compose
    public static final Rule COMPOSE_IMAGE_UNPINNED = error("compose.image.unpinned", Set.of(Input.COMPOSE_FILES),
            "an image without a tag or with :latest (after interpolating defaults)",
            "pin a version tag (e.g. grafana/grafana:12.4.5) or a digest; keep it overridable with ${VAR:-image:tag}");
    public static final Rule COMPOSE_PORT_PUBLIC = error("compose.port.public", Set.of(Input.COMPOSE_FILES),
            "a published port bound to all interfaces (no host IP, 0.0.0.0 or ::)",
            "bind to loopback: \"127.0.0.1:HOST:CONTAINER\" (or ${PEAKTRADE_OBS_BIND:-127.0.0.1}:…)");
    public static final Rule COMPOSE_BIND_MISSING = error("compose.bind.missing", Set.of(Input.COMPOSE_FILES),
            "a bind mount whose host source does not exist (Docker would create an empty root-owned directory)",
            "create the file or directory, or fix the relative path (it resolves against the first compose file's directory)");
    public static final Rule COMPOSE_MOUNT_WRITABLE = warning("compose.mount.writable", Set.of(Input.COMPOSE_FILES),
            "a bind mount without :ro",
            "mount configuration read-only: append :ro (or read_only: true in long syntax)");
    public static final Rule COMPOSE_SECRET_LITERAL = error("compose.secret.literal", Set.of(Input.COMPOSE_FILES),
            "a password, token or secret written literally in environment",
            "take it from the environment (${GRAFANA_ADMIN_PASSWORD}) or a file (GF_SECURITY_ADMIN_PASSWORD__FILE)");
    public static final Rule COMPOSE_PRIVILEGED = error("compose.privileged", Set.of(Input.COMPOSE_FILES),
            "a privileged container",
            "remove privileged: true; add only the capabilities the service needs (cap_add)");
    public static final Rule COMPOSE_EXTRA_HOSTS_MISSING = warning("compose.extra-hosts.missing", Set.of(Input.STACK),
            "a service whose config reaches host.docker.internal without extra_hosts host-gateway (unresolvable on Linux)",
            "add extra_hosts: [\"host.docker.internal:host-gateway\"] to the service");

    // prometheus
    public static final Rule PROMETHEUS_JOB_DUPLICATE = error("prometheus.job.duplicate", Set.of(Input.PROMETHEUS),
            "two scrape configs with the same job_name (Prometheus refuses the config)",
            "give each scrape config its own job_name, or merge their targets");
    public static final Rule PROMETHEUS_TARGET_LOCALHOST = error("prometheus.target.localhost", Set.of(Input.PROMETHEUS),
            "a scrape target on localhost/127.0.0.1: inside the Prometheus container that is the container itself",
            "scrape a service of the stack by name and container port, a host service via host.docker.internal");
    public static final Rule PROMETHEUS_TARGET_HOSTPORT = error("prometheus.target.hostport", Set.of(Input.PROMETHEUS, Input.STACK),
            "a scrape target using a port the stack publishes on the host instead of the service's name and container port",
            "inside the Docker network use SERVICE:CONTAINER_PORT (e.g. shadow-mvs-exporter:9109)");
    public static final Rule PROMETHEUS_TARGET_UNKNOWN_HOST = error("prometheus.target.unknown-host", Set.of(Input.PROMETHEUS, Input.STACK),
            "a scrape target host that is neither a service of the stack, host.docker.internal, a domain name nor an IP",
            "use a service name of the compose project (or host.docker.internal for the host)");
    public static final Rule PROMETHEUS_RULEFILES_NOMATCH = error("prometheus.rulefiles.nomatch", Set.of(Input.PROMETHEUS, Input.STACK),
            "a rule_files pattern that matches no file inside the container (rules and alerts silently absent)",
            "mount the rules directory into the Prometheus container (read-only) or remove the rule_files entry");

    // grafana provisioning
    public static final Rule DATASOURCE_DEFAULT_COUNT = error("grafana.datasource.default.count", Set.of(Input.DATASOURCES),
            "not exactly one isDefault datasource per org across all provisioning files (two are fatal: Grafana restart-loops)",
            "mark exactly one datasource per org isDefault: true");
    public static final Rule DATASOURCE_UID_DUPLICATE = error("grafana.datasource.uid.duplicate", Set.of(Input.DATASOURCES),
            "two provisioned datasources with the same uid in one org",
            "give each datasource its own uid");
    public static final Rule DATASOURCE_NAME_DUPLICATE = error("grafana.datasource.name.duplicate", Set.of(Input.DATASOURCES),
            "two provisioned datasources with the same name in one org (the later silently overwrites the earlier)",
            "give each datasource its own name");
    public static final Rule DATASOURCE_UID_MISSING = warning("grafana.datasource.uid.missing", Set.of(Input.DATASOURCES),
            "a provisioned datasource without uid (Grafana derives one from the name; dashboards cannot pin it)",
            "set a stable uid (e.g. peaktrade-prometheus-local)");
    public static final Rule DATASOURCE_URL_HOSTPORT = error("grafana.datasource.url.hostport", Set.of(Input.DATASOURCES, Input.STACK),
            "a datasource URL using a port the stack publishes on the host (connection refused inside the network)",
            "inside the Docker network use SERVICE:CONTAINER_PORT, e.g. http://prometheus-local:9090");
    public static final Rule DATASOURCE_URL_LOCALHOST = error("grafana.datasource.url.localhost", Set.of(Input.DATASOURCES),
            "a datasource URL on localhost/127.0.0.1: inside the Grafana container that is Grafana itself",
            "use the service name (http://prometheus-local:9090) or host.docker.internal for a host service");
    public static final Rule DATASOURCE_URL_UNKNOWN_HOST = error("grafana.datasource.url.unknown-host", Set.of(Input.DATASOURCES, Input.STACK),
            "a datasource URL host that is neither a service of the stack, host.docker.internal, a domain name nor an IP",
            "use a service name of the compose project, e.g. http://prometheus-local:9090");
    public static final Rule DATASOURCE_APIVERSION_MISSING = warning("grafana.datasource.apiversion.missing", Set.of(Input.DATASOURCES),
            "a provisioning file without apiVersion (Grafana logs a deprecation warning)",
            "add apiVersion: 1 at the top");
    public static final Rule PROVIDER_FOLDER_IGNORED = warning("grafana.provider.folder.ignored", Set.of(Input.PROVIDERS),
            "a dashboard provider with folder and foldersFromFilesStructure: the folder is ignored",
            "remove folder; the folders come from the directory names");
    public static final Rule PROVIDER_FOLDER_CONFLICT = error("grafana.provider.folder.conflict", Set.of(Input.PROVIDERS),
            "a provider with foldersFromFilesStructure plus folderUid (fatal provisioning error)",
            "remove folder and folderUid when using foldersFromFilesStructure");
    public static final Rule PROVIDER_PATH_UNMOUNTED = error("grafana.provider.path.unmounted", Set.of(Input.PROVIDERS, Input.STACK),
            "a dashboard provider path that no bind mount of the Grafana service provides, or whose source has no dashboards",
            "mount the dashboards directory at the provider's options.path (read-only)");

    // dashboards
    public static final Rule DASHBOARD_UID_MISSING = error("dashboard.uid.missing", Set.of(Input.DASHBOARDS),
            "a dashboard without uid (Grafana makes a random one per database: links and checks break)",
            "set a stable uid");
    public static final Rule DASHBOARD_UID_DUPLICATE = error("dashboard.uid.duplicate", Set.of(Input.DASHBOARDS),
            "two dashboards with the same uid (Grafana stops writing the provider's dashboards)",
            "give each dashboard its own uid");
    public static final Rule DASHBOARD_UID_TOO_LONG = error("dashboard.uid.too-long", Set.of(Input.DASHBOARDS),
            "a dashboard uid longer than 40 characters (Grafana rejects it)",
            "shorten the uid to at most 40 characters");
    public static final Rule DASHBOARD_UID_INVALID = error("dashboard.uid.invalid", Set.of(Input.DASHBOARDS),
            "a dashboard uid with characters other than letters, digits, - and _",
            "use only a-z, A-Z, 0-9, - and _ in the uid");
    public static final Rule DASHBOARD_TITLE_DUPLICATE = error("dashboard.title.duplicate", Set.of(Input.DASHBOARDS),
            "two dashboards with the same title in the same folder (Grafana refuses the second)",
            "give each dashboard in a folder its own title");
    public static final Rule DASHBOARD_DS_VARIABLE_MISSING = error("dashboard.datasource.variable.missing", Set.of(Input.DASHBOARDS),
            "a panel or query uses a datasource variable the dashboard does not declare",
            "add a templating variable of type datasource with that name");
    public static final Rule DASHBOARD_DS_VARIABLE_UNUSED = warning("dashboard.datasource.variable.unused", Set.of(Input.DASHBOARDS),
            "a datasource variable no panel, query or variable uses",
            "remove it from templating.list (or use it)");
    public static final Rule DASHBOARD_DS_HARDCODED = error("dashboard.datasource.variable.hardcoded", Set.of(Input.DASHBOARDS),
            "a panel, query or variable naming a datasource uid or name literally instead of through a variable",
            "use the datasource variable: \"datasource\": {\"type\": \"prometheus\", \"uid\": \"${DS_LOCAL}\"}");
    public static final Rule DASHBOARD_DS_UNKNOWN_UID = error("dashboard.datasource.unknown-uid", Set.of(Input.DASHBOARDS, Input.DATASOURCES),
            "a datasource variable or reference whose uid no provisioned datasource has",
            "use a uid from the datasource provisioning files (e.g. peaktrade-prometheus-local)");
    public static final Rule DASHBOARD_DS_NOT_IN_CONTRACT = error("dashboard.datasource.not-in-contract",
            Set.of(Input.DASHBOARDS, Input.CONTRACT_DATASOURCES),
            "a panel, query or variable using a datasource uid that no datasource of the contract has (uid or alias)",
            "use a datasource of the contract through its variable, or add the datasource (or the uid as an alias) to the contract");
    public static final Rule DASHBOARD_VARIABLE_FORBIDDEN_LABEL = error("dashboard.variable.label.forbidden",
            Set.of(Input.DASHBOARDS, Input.CONTRACT_EXPORTERS),
            "a template variable named after, or listing the values of, a label the contract forbids (run_id, intent_id…)",
            "remove the variable: per-run/per-order ids are never labels; find a run in the logs, not in a dropdown");
    public static final Rule DASHBOARD_LINK_UNKNOWN = warning("dashboard.link.unknown-uid", Set.of(Input.DASHBOARDS),
            "a dashboard link to /d/UID where no linted dashboard has that uid (a dead link)",
            "point the link at an existing dashboard uid or remove it");
    public static final Rule QUERY_PARSE = warning("dashboard.query.parse", Set.of(Input.DASHBOARDS),
            "a PromQL expression lint cannot parse (the other query rules skip it)",
            "check the expression in Grafana's query editor or with promtool");
    public static final Rule QUERY_LABEL_FORBIDDEN = error("dashboard.query.label.forbidden", Set.of(Input.DASHBOARDS, Input.CONTRACT_EXPORTERS),
            "a per-run/per-order id (run_id, intent_id, client_order_id, broker_order_id, correlation_id) in a selector, "
                    + "grouping, vector matching, label_replace or label_values()",
            "ids have unbounded cardinality and are never labels in contract v1: drop the matcher/variable, keep ids in logs");
    public static final Rule QUERY_RATE_INTERVAL = warning("dashboard.query.rate-interval", Set.of(Input.DASHBOARDS),
            "rate/irate/increase/… over a fixed range instead of $__rate_interval",
            "use [$__rate_interval]: it adapts to the zoom and is never shorter than 4 scrape intervals");
    public static final Rule QUERY_RATE_WINDOW_SHORT = error("dashboard.query.rate-window-short", Set.of(Input.DASHBOARDS, Input.PROMETHEUS),
            "a rate/increase range shorter than two scrape intervals (always empty: rate needs two samples)",
            "use a range of at least 4× the scrape interval, or $__rate_interval");
    public static final Rule QUERY_HISTOGRAM_WITHOUT_LE = error("dashboard.query.histogram-without-le", Set.of(Input.DASHBOARDS),
            "histogram_quantile over an aggregation that drops le, or over a series that is not a _bucket",
            "keep le in the grouping: histogram_quantile(0.95, sum by (le) (rate(x_bucket[$__rate_interval])))");
    public static final Rule QUERY_RATE_ON_GAUGE = error("dashboard.query.rate-on-gauge", Set.of(Input.DASHBOARDS, Input.CONTRACT_EXPORTERS),
            "rate/irate/increase over a gauge of the exporter contract",
            "use the gauge directly, or delta()/deriv() for its change");
    public static final Rule QUERY_UNKNOWN_METRIC = error("dashboard.query.unknown-metric", Set.of(Input.DASHBOARDS, Input.CONTRACT_EXPORTERS),
            "a series neither the exporter contract, Prometheus itself, nor another scrape job can produce",
            "use a series of the contract (its exporters' families) or fix the name");
    public static final Rule QUERY_UNKNOWN_LABEL = error("dashboard.query.unknown-label", Set.of(Input.DASHBOARDS, Input.CONTRACT_EXPORTERS),
            "a matcher or grouping on a contract series with a label the contract does not define",
            "use the family's labels (plus job, instance; le on _bucket)");
    public static final Rule QUERY_LABEL_VALUE = error("dashboard.query.label-value", Set.of(Input.DASHBOARDS, Input.CONTRACT_EXPORTERS),
            "an equality matcher with a value the contract does not allow for that label (e.g. stage=\"errors\")",
            "use one of the contract's values");
    public static final Rule QUERY_UNKNOWN_JOB = warning("dashboard.query.unknown-job", Set.of(Input.DASHBOARDS, Input.PROMETHEUS),
            "a job=\"…\" matcher for a job no linted scrape config defines (empty unless another Prometheus has it)",
            "use a job_name of the Prometheus configuration, or add the scrape job");
    public static final Rule QUERY_VARIABLE_UNDEFINED = error("dashboard.query.variable.undefined", Set.of(Input.DASHBOARDS),
            "a query using $var that is neither a dashboard variable nor a Grafana built-in",
            "declare the variable in templating.list or fix its name");
    public static final Rule DATASOURCE_VARIABLE_MISMATCH = error("dashboard.datasource.variable.mismatch",
            Set.of(Input.DASHBOARDS, Input.DATASOURCES, Input.CONTRACT_DATASOURCE_VARIABLES),
            "a datasource variable of the contract (e.g. ds) allowing a uid no provisioning file defines, or a dashboard's "
                    + "variable of that name defaulting to a uid the contract does not allow",
            "make the variable's allowed uids in the contract the provisioned datasources' uids (or aliases)");
    public static final Rule METRIC_NAME_DOUBLE_TOTAL = warning("metric.name.double-total", Set.of(Input.DASHBOARDS),
            "a metric name with _total in the middle (a counter named twice: x_total_labeled_total)",
            "name the counter once: peak_trade_http_requests_labeled_total");
    public static final Rule METRIC_NAME_UNIT = warning("metric.name.unit", Set.of(Input.DASHBOARDS),
            "a metric name with a non-base unit (_ms, _milliseconds, _minutes, _hours, _kilobytes, _percent…)",
            "use base units: _seconds, _bytes, _ratio (Prometheus naming conventions)");

    // the contract against the assets
    public static final Rule CONTRACT_DASHBOARD_MISSING = error("contract.dashboard.missing",
            Set.of(Input.GRAFANA, Input.CONTRACT_DASHBOARDS),
            "a dashboard the contract expects that no linted dashboard file has (by uid)",
            "add the dashboard JSON under grafana/dashboards/, fix its uid, or remove it from the contract");
    public static final Rule CONTRACT_QUERY_UNKNOWN_METRIC = error("contract.query.unknown-metric",
            Set.of(Input.CONTRACT_QUERIES),
            "a golden query over a series no exporter or scrape job of the contract produces",
            "fix the series name, add the family to the exporter's contract, or declare the job that produces it");

    private Rules() {
    }

    /** Every rule, in report order. */
    public static List<Rule> all() {
        return List.copyOf(BY_ID.values());
    }

    public static List<String> ids() {
        return BY_ID.keySet().stream().toList();
    }

    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
