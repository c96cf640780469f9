package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.Durations;
import com.peaktrade.obs.docker.ContainerInspector;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.error.ExitCodes;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.stack.ProjectPrometheus;
import com.peaktrade.obs.stack.PrometheusReload;
import com.peaktrade.obs.stack.StackEndpoints;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reload", mixinStandardHelpOptions = true,
        header = "Validate and reload Prometheus' configuration (POST /-/reload).",
        description = {"For our project's Prometheus: first `promtool check config` inside the container (when the image "
                + "has promtool; an invalid file stops here and nothing changes), then POST /-/reload. 200: reloaded. "
                + "403 (started without --web.enable-lifecycle): the container is restarted and waited for until ready. "
                + "500: Prometheus rejected the file, says why, and keeps its running config.",
            "With --prometheus-url the Prometheus is not ours: it is never restarted (a 403 is explained, exit 1).",
            "Exit 0 reloaded (or restarted), 1 not reloaded, 3 Prometheus or Docker not reachable."})
final class PrometheusReloadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOption project;

    @Option(names = "--prometheus-url", paramLabel = "URL",
            description = "Reload this Prometheus, not one of our projects' (never restarted).")
    String prometheusUrl;

    @Option(names = "--ready-timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "How long to wait for Prometheus to be ready after a restart (default: ${DEFAULT-VALUE}).")
    String readyTimeout;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        Duration ready = Durations.parse(readyTimeout);
        try (DebugSession session = new DebugSession()) {
            StackEndpoints endpoints = session.endpoints(project, new StackEndpoints.Explicit(prometheusUrl, null, null));
            ProjectPrometheus container = null;
            if (endpoints.project() != null && prometheusUrl == null) {
                container = ProjectPrometheus.find(new ContainerInspector(session.engine()), session.compose(), endpoints.project())
                        .orElse(null);
            }
            if (endpoints.prometheus() == null) {
                throw new EnvironmentException("no Prometheus to reload: "
                        + endpoints.unavailable().getOrDefault(StackEndpoints.PROMETHEUS, "no URL"),
                        "start the stack (`peaktrade-obs " + (endpoints.stack() == null ? "shadow" : endpoints.stack().id())
                                + " up`) or give --prometheus-url");
            }
            // the reload blocks until Prometheus' first config load is done: allow for that
            PrometheusClient client = new PrometheusClient(endpoints.prometheus(), Duration.ofSeconds(30));
            PrometheusReload.Result result = new PrometheusReload(ready).reload(client, container);
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.JSON) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("project", endpoints.project());
                doc.put("prometheus", endpoints.prometheus().toString());
                doc.put("result", result.kind().name().toLowerCase(java.util.Locale.ROOT));
                doc.put("ok", result.ok());
                doc.put("message", result.message());
                doc.put("steps", result.steps());
                doc.put("hint", result.hint());
                out.println(Json.write(doc));
            } else {
                result.steps().forEach(out::println);
                out.println((result.ok() ? "OK " : "FAIL ") + result.message());
                if (result.hint() != null) {
                    out.println("NEXT " + result.hint());
                }
            }
            return result.ok() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
