package com.peaktrade.obs.lint;

import com.peaktrade.obs.compose.ServiceSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Prometheus configuration rules; also collects the jobs and scrape interval the query rules need. */
final class PrometheusLint {
    static final long DEFAULT_SCRAPE_INTERVAL_MS = 60_000;
    private static final String CONFIG_IN_CONTAINER = "/etc/prometheus/prometheus.yml";

    private final Findings out;
    private final StackModel stack;
    /** Every job_name seen, in file order. */
    final Set<String> jobs = new LinkedHashSet<>();
    /** The longest global scrape_interval of the configs (the default 1m when unset). */
    long scrapeIntervalMs = -1;

    PrometheusLint(Findings out, StackModel stack) {
        this.out = out;
        this.stack = stack;
    }

    void lint(Path file) {
        Node root;
        try {
            root = LocatedReader.readYaml(file);
        } catch (BrokenInputException e) {
            out.broken(file, e.line(), e.getMessage());
            return;
        }
        if (!(root instanceof Node.MapNode config)) {
            out.broken(file, root.line(), "a Prometheus configuration must be a mapping, found " + root.kind());
            return;
        }
        long interval = DEFAULT_SCRAPE_INTERVAL_MS;
        if (config.get("global").orElse(null) instanceof Node.MapNode global && global.text("scrape_interval") != null) {
            try {
                interval = com.peaktrade.obs.promql.Durations.millis(global.text("scrape_interval"));
            } catch (IllegalArgumentException e) {
                out.broken(file, global.lineOf("scrape_interval"), "global.scrape_interval is not a duration: "
                        + global.text("scrape_interval"));
            }
        }
        scrapeIntervalMs = Math.max(scrapeIntervalMs, interval);
        Node scrapeConfigs = config.get("scrape_configs").orElse(null);
        if (scrapeConfigs != null && !(scrapeConfigs instanceof Node.ListNode) && !isNull(scrapeConfigs)) {
            out.broken(file, scrapeConfigs.line(), "scrape_configs must be a list, found " + scrapeConfigs.kind());
            return;
        }
        Map<String, Integer> jobLines = new LinkedHashMap<>();
        if (scrapeConfigs instanceof Node.ListNode list) {
            for (Node item : list.items()) {
                if (!(item instanceof Node.MapNode sc) || sc.text("job_name") == null) {
                    out.broken(file, item.line(), "a scrape config must be a mapping with job_name");
                    continue;
                }
                String job = sc.text("job_name");
                jobs.add(job);
                Integer first = jobLines.putIfAbsent(job, sc.lineOf("job_name"));
                if (first != null) {
                    out.add(Rules.PROMETHEUS_JOB_DUPLICATE, file, sc.lineOf("job_name"), job, "job_name " + job
                            + " is already used at line " + first);
                }
                targets(file, job, sc);
            }
        }
        out.checked(Rules.PROMETHEUS_JOB_DUPLICATE, "Prometheus configs");
        out.checked(Rules.PROMETHEUS_TARGET_LOCALHOST, "Prometheus configs");
        if (stack != null) {
            out.checked(Rules.PROMETHEUS_TARGET_HOSTPORT, "Prometheus configs");
            out.checked(Rules.PROMETHEUS_TARGET_UNKNOWN_HOST, "Prometheus configs");
            out.checked(Rules.COMPOSE_EXTRA_HOSTS_MISSING, "Prometheus targets and datasource URLs");
        }
        ruleFiles(file, config);
    }

    private static boolean isNull(Node n) {
        return n instanceof Node.Scalar s && s.text() == null;
    }

    private void targets(Path file, String job, Node.MapNode sc) {
        if (!(sc.get("static_configs").orElse(null) instanceof Node.ListNode statics)) {
            return;
        }
        for (Node st : statics.items()) {
            if (!(st instanceof Node.MapNode m) || !(m.get("targets").orElse(null) instanceof Node.ListNode targets)) {
                continue;
            }
            for (Node t : targets.items()) {
                if (!(t instanceof Node.Scalar s) || s.text() == null) {
                    out.broken(file, t.line(), "a target must be a host:port string");
                    continue;
                }
                String target = s.text();
                int colon = target.lastIndexOf(':');
                String host = colon < 0 ? target : target.substring(0, colon);
                int port = -1;
                if (colon >= 0) {
                    try {
                        port = Integer.parseInt(target.substring(colon + 1));
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                }
                if (host.equals("localhost") && port == 9090 || host.startsWith("127.") && port == 9090) {
                    continue; // Prometheus scraping itself
                }
                Reach.judge(host, port, stack, "Prometheus").ifPresent(v -> out.add(switch (v.problem()) {
                    case LOCALHOST -> Rules.PROMETHEUS_TARGET_LOCALHOST;
                    case HOSTPORT -> Rules.PROMETHEUS_TARGET_HOSTPORT;
                    case UNKNOWN_HOST -> Rules.PROMETHEUS_TARGET_UNKNOWN_HOST;
                }, file, t.line(), target, "job " + job + " scrapes " + target + ": " + v.message()));
                if (host.equals(StackModel.HOST_GATEWAY_NAME) && stack != null) {
                    for (ServiceSpec svc : prometheusServices(file)) {
                        if (!StackModel.hasHostGateway(svc)) {
                            out.add(Rules.COMPOSE_EXTRA_HOSTS_MISSING, file, t.line(), target, "job " + job + " scrapes "
                                    + target + " but service " + svc.name() + " has no extra_hosts host.docker.internal:host-gateway");
                        }
                    }
                }
            }
        }
    }

    /** The services running this config: those mounting it, else the stack's Prometheus services. */
    private List<ServiceSpec> prometheusServices(Path file) {
        List<ServiceSpec> mounting = stack.mounting(file);
        return mounting.isEmpty() ? stack.ofKind("prometheus") : mounting;
    }

    private void ruleFiles(Path file, Node.MapNode config) {
        if (!(config.get("rule_files").orElse(null) instanceof Node.ListNode list)) {
            return;
        }
        if (stack == null) {
            return; // the rule needs the stack: the linter reports it skipped
        }
        out.checked(Rules.PROMETHEUS_RULEFILES_NOMATCH, "rule_files");
        List<ServiceSpec> services = prometheusServices(file);
        for (Node item : list.items()) {
            if (!(item instanceof Node.Scalar s) || s.text() == null) {
                continue;
            }
            String pattern = s.text();
            for (ServiceSpec svc : services) {
                String configPath = svc.volumes().stream().filter(v -> v.isBind() && v.source() != null
                        && Path.of(v.source()).normalize().equals(file.toAbsolutePath().normalize()))
                        .map(v -> v.target()).findFirst().orElse(CONFIG_IN_CONTAINER);
                String inContainer = pattern.startsWith("/") ? pattern
                        : configPath.substring(0, configPath.lastIndexOf('/') + 1) + pattern;
                String dir = inContainer.substring(0, inContainer.lastIndexOf('/'));
                String glob = inContainer.substring(inContainer.lastIndexOf('/') + 1);
                Optional<Path> hostDir = StackModel.hostPathOf(svc, dir.isEmpty() ? "/" : dir);
                String mountedAs = stack.mounting(file).isEmpty()
                        ? " (" + out.show(file) + " is not mounted by the stack; judged as if it were " + configPath + ")" : "";
                if (hostDir.isEmpty()) {
                    out.add(Rules.PROMETHEUS_RULEFILES_NOMATCH, file, s.line(), pattern, "rule_files " + pattern
                            + " matches nothing: no mount of service " + svc.name() + " provides " + dir + mountedAs);
                } else if (countMatches(hostDir.get(), glob) == 0) {
                    out.add(Rules.PROMETHEUS_RULEFILES_NOMATCH, file, s.line(), pattern, "rule_files " + pattern
                            + " matches no file in " + out.show(hostDir.get()) + " (mounted at " + dir + " in " + svc.name() + ")");
                }
            }
        }
    }

    private static int countMatches(Path dir, String glob) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (matcher.matches(p.getFileName()) && Files.isRegularFile(p)) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return found.size();
    }
}
