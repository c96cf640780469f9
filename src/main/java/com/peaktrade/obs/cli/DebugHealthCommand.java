package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.Durations;
import com.peaktrade.obs.checks.EndpointHealth;
import com.peaktrade.obs.checks.HealthSnapshot;
import com.peaktrade.obs.stack.StackEndpoints;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "health", mixinStandardHelpOptions = true,
        header = "One line per endpoint with status code and latency.",
        description = {"Prometheus /-/ready (with its version) and /-/healthy, Grafana /api/health (database, version), "
                + "the exporter's /metrics and, with --app-url, the web app's /metrics (which state it serves). "
                + "One request each, no retries.",
            "Exit 0 when every endpoint is fine, 1 otherwise."})
final class DebugHealthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOption project;

    @Option(names = "--prometheus-url", paramLabel = "URL", description = "Prometheus to probe (default: the project's).")
    String prometheusUrl;

    @Option(names = "--grafana-url", paramLabel = "URL", description = "Grafana to probe (default: the project's).")
    String grafanaUrl;

    @Option(names = "--exporter-url", paramLabel = "URL", description = "Exporter /metrics to probe (default: the project's).")
    String exporterUrl;

    @Option(names = "--app-url", paramLabel = "URL",
            description = "Also probe the web app's /metrics, e.g. http://127.0.0.1:8000/metrics.")
    String appUrl;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        Duration perRequest = Durations.parse(timeout);
        URI app = appUrl == null ? null : StackEndpoints.parse("--app-url", appUrl);
        try (DebugSession session = new DebugSession()) {
            StackEndpoints endpoints = session.endpoints(project, new StackEndpoints.Explicit(prometheusUrl, grafanaUrl, exporterUrl));
            List<EndpointHealth> lines = new HealthSnapshot(perRequest).probe(endpoints, app);
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("project", endpoints.project());
                doc.put("endpoints", lines.stream().map(DebugHealthCommand::json).toList());
                out.println(Json.write(doc));
            } else {
                if (endpoints.project() != null) {
                    out.println("project " + endpoints.project() + ":");
                }
                Table table = new Table("ENDPOINT", "OK", "STATUS", "LATENCY", "URL", "DETAIL");
                lines.forEach(h -> table.row(h.name(), h.ok() ? "ok" : "FAIL", h.status() < 0 ? "-" : Integer.toString(h.status()),
                        h.latency() == null ? "-" : h.latency().toMillis() + " ms", h.url(), h.detail()));
                table.print(out);
            }
            return !lines.isEmpty() && lines.stream().allMatch(EndpointHealth::ok) ? 0 : 1;
        }
    }

    private static Map<String, Object> json(EndpointHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoint", h.name());
        m.put("ok", h.ok());
        m.put("status", h.status() < 0 ? null : h.status());
        m.put("latencyMs", h.latency() == null ? null : h.latency().toMillis());
        m.put("url", h.url());
        m.put("detail", h.detail());
        return m;
    }
}
