package com.peaktrade.obs.stack;

import com.peaktrade.obs.docker.ContainerStatus;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the troubleshooting commands find a stack's services: a URL given on the command line wins;
 * else the running project's published port. A service of the project without one is listed in
 * {@link #unavailable()} with the reason (never guessed from a default port, which might be another
 * stack's).
 *
 * @param project     null in URL-only mode
 * @param stack       null in URL-only mode
 * @param unavailable service → why it has no URL (e.g. "container peaktrade-shadow-mvs-grafana-1 is exited (exit code 137)")
 */
public record StackEndpoints(String project, Stack stack, URI prometheus, URI grafana, URI exporter,
        Map<String, String> unavailable) {

    public static final String PROMETHEUS = "prometheus-local";
    public static final String GRAFANA = "grafana";
    public static final String EXPORTER = "shadow-mvs-exporter";

    /** URLs given as options (null = not given). */
    public record Explicit(String prometheusUrl, String grafanaUrl, String exporterUrl) {
        public boolean any() {
            return prometheusUrl != null || grafanaUrl != null || exporterUrl != null;
        }
    }

    public StackEndpoints {
        unavailable = Map.copyOf(unavailable);
    }

    /** Only the given URLs; no project, no engine. */
    public static StackEndpoints urlsOnly(Explicit explicit) {
        return new StackEndpoints(null, null, parse("--prometheus-url", explicit.prometheusUrl()),
                parse("--grafana-url", explicit.grafanaUrl()), parse("--exporter-url", explicit.exporterUrl()), Map.of());
    }

    /** The project's services: explicit URLs first, else the published ports of its containers. */
    public static StackEndpoints of(Explicit explicit, String project, Stack stack, RunningProject running,
            List<ContainerStatus> containers) {
        Map<String, String> unavailable = new LinkedHashMap<>();
        URI prometheus = pick("--prometheus-url", explicit.prometheusUrl(), PROMETHEUS, 9090, "", project, running,
                containers, unavailable);
        URI grafana = pick("--grafana-url", explicit.grafanaUrl(), GRAFANA, 3000, "", project, running, containers,
                unavailable);
        URI exporter = null;
        boolean exporterExpected = stack != null && stack.hasExporter()
                || containers.stream().anyMatch(c -> c.service().equals(EXPORTER));
        if (explicit.exporterUrl() != null || exporterExpected) {
            exporter = pick("--exporter-url", explicit.exporterUrl(), EXPORTER, 9109, "/metrics", project, running,
                    containers, unavailable);
        }
        return new StackEndpoints(project, stack, prometheus, grafana, exporter, unavailable);
    }

    private static URI pick(String option, String explicit, String service, int containerPort, String path, String project,
            RunningProject running, List<ContainerStatus> containers, Map<String, String> unavailable) {
        if (explicit != null) {
            return parse(option, explicit);
        }
        Optional<String> published = running.published(service, containerPort);
        if (published.isPresent()) {
            String hostPort = published.get().replaceFirst("^0\\.0\\.0\\.0:", "127.0.0.1:");
            return URI.create("http://" + hostPort + path);
        }
        Optional<ContainerStatus> container = containers.stream().filter(c -> c.service().equals(service)).findFirst();
        unavailable.put(service, container.map(c -> c.isRunning()
                ? "container " + c.name() + " publishes no port for " + containerPort
                : "container " + c.name() + " is " + c.state() + (c.exitCode() == null ? "" : " (exit code " + c.exitCode() + ")"))
                .orElse("project " + project + " has no " + service + " container"));
        return null;
    }

    /** An http(s) URL given as {@code option}; null stays null. Malformed or with credentials: exit 2. */
    public static URI parse(String option, String text) {
        return text == null ? null : TargetResolver.parse(option, text);
    }
}
