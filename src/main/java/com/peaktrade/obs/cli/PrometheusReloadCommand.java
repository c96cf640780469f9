package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.Durations;
import com.peaktrade.obs.docker.ContainerInspector;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.error.ExitCodes;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.stack.ProjectPrometheus;
import com.peaktrade.obs.stack.PrometheusReload;
import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.session.Session;
import com.peaktrade.obs.stack.Endpoint;
import com.peaktrade.obs.stack.Endpoints;
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
    StackSelection selection;

    @Mixin
    EndpointOptions.PrometheusUrl prometheusUrl;

    @Option(names = "--ready-timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "How long to wait for Prometheus to be ready after a restart (default: ${DEFAULT-VALUE}).")
    String readyTimeout;

    @Mixin
    SnapshotFormat format;

    @Override
    public Integer call() {
        Duration ready = Durations.parse(readyTimeout);
        try (Session session = Session.open()) {
            Endpoints endpoints = selection.endpoints(session, prometheusUrl.roles(), prometheusUrl.urls());
            Endpoint prometheus = endpoints.found(Role.PROMETHEUS).orElseThrow(() -> new EnvironmentException(
                    "no Prometheus to reload: " + endpoints.whyNone(Role.PROMETHEUS, "no URL"),
                    "start the stack (`peaktrade-obs " + (endpoints.stack() == null ? "shadow" : endpoints.stack().name())
                            + " up`) or give --prometheus-url"));
            // only a Prometheus of our project is ours to validate inside and restart
            ProjectPrometheus container = prometheus.origin() != Endpoint.Origin.PUBLISHED ? null
                    : ProjectPrometheus.find(new ContainerInspector(session.engine()), session.compose(), endpoints.project())
                            .orElse(null);
            // the reload blocks until Prometheus' first config load is done: allow for that
            PrometheusClient client = new PrometheusClient(prometheus.url(), Duration.ofSeconds(30), prometheus.settings());
            PrometheusReload.Result result = new PrometheusReload(ready).reload(client, container);
            print(endpoints.project(), prometheus.url().toString(), result);
            return result.ok() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private void print(String project, String prometheus, PrometheusReload.Result result) {
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("project", project);
            doc.put("prometheus", prometheus);
            doc.put("result", result.kind().name().toLowerCase(java.util.Locale.ROOT));
            doc.put("ok", result.ok());
            doc.put("message", result.message());
            doc.put("steps", result.steps());
            doc.put("hint", result.hint());
            out.println(Json.write(doc));
            return;
        }
        result.steps().forEach(out::println);
        out.println((result.ok() ? "OK " : "FAIL ") + result.message());
        if (result.hint() != null) {
            out.println("NEXT " + result.hint());
        }
    }
}
