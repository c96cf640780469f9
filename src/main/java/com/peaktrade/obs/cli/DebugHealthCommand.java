package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.Durations;
import com.peaktrade.obs.checks.EndpointHealth;
import com.peaktrade.obs.checks.HealthSnapshot;
import com.peaktrade.obs.session.Session;
import com.peaktrade.obs.stack.EndpointResolver;
import com.peaktrade.obs.stack.Endpoints;
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
    StackSelection selection;

    @Mixin
    EndpointOptions endpoints;

    @Option(names = "--app-url", paramLabel = "URL",
            description = "Also probe the web app's /metrics, e.g. http://127.0.0.1:8000/metrics.")
    String appUrl;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Mixin
    SnapshotFormat format;

    @Override
    public Integer call() {
        Duration perRequest = Durations.parse(timeout);
        URI app = appUrl == null ? null : EndpointResolver.parse("--app-url", appUrl);
        try (Session session = Session.open()) {
            Endpoints found = selection.endpoints(session, endpoints.roles(), endpoints.urls());
            List<EndpointHealth> lines = new HealthSnapshot(perRequest).probe(found, app);
            print(found.project(), lines);
            return !lines.isEmpty() && lines.stream().allMatch(EndpointHealth::ok) ? 0 : 1;
        }
    }

    private void print(String project, List<EndpointHealth> lines) {
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("project", project);
            doc.put("endpoints", lines.stream().map(DebugHealthCommand::json).toList());
            out.println(Json.write(doc));
            return;
        }
        if (project != null) {
            out.println("project " + project + ":");
        }
        Table table = new Table("ENDPOINT", "OK", "STATUS", "LATENCY", "URL", "DETAIL");
        lines.forEach(h -> table.row(h.name(), h.ok() ? "ok" : "FAIL", h.status() < 0 ? "-" : Integer.toString(h.status()),
                h.latency() == null ? "-" : h.latency().toMillis() + " ms", h.url(), h.detail()));
        table.print(out);
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
