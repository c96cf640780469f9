package com.peaktrade.obs.cli;

import com.peaktrade.obs.compose.ComposeConfigWriter;
import com.peaktrade.obs.compose.ComposeLoader;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.LoadRequest;
import com.peaktrade.obs.compose.LoadResult;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.stack.AssetLocator;
import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.session.Session;
import com.peaktrade.obs.stack.Endpoint;
import com.peaktrade.obs.stack.Endpoints;
import java.net.URI;
import com.peaktrade.obs.stack.StackRunner;
import com.peaktrade.obs.stack.StackSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
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

@Command(name = "config", mixinStandardHelpOptions = true,
        header = "The resolved compose model of a stack (like docker compose config), or Prometheus' effective config.",
        description = {"Without -f: the selected stack's compose files (--stack, -p, else whichever of our stacks runs) "
                + "resolved with the same assets and environment `up` uses. With -f: these compose files, read in order, "
                + "variables substituted (shell environment, then .env beside the first file or --env-file), merged. "
                + "Passwords are masked. Warnings go to stderr.",
            "--prometheus: the configuration the running Prometheus has loaded (GET /api/v1/status/config)."})
final class DebugConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackSelection selection;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Compose file; repeat to merge several in order (default: the stack's files).")
    List<Path> files;

    @Option(names = "--env-file", paramLabel = "FILE", description = "With -f: read variables from FILE instead of <project dir>/.env.")
    Path envFile;

    @Option(names = "--assets-dir", paramLabel = "DIR",
            description = "Directory with compose/, prometheus/, grafana/ (default: as `up` picks it).")
    Path assetsDir;

    @Option(names = "--prometheus", description = "Print the config the running Prometheus has loaded instead.")
    boolean prometheus;

    @Mixin
    EndpointOptions.PrometheusUrl prometheusUrl;

    @Mixin
    SnapshotFormat format;

    @Override
    public Integer call() {
        if (prometheus) {
            return prometheusConfig();
        }
        if (files != null && !files.isEmpty()) {
            if (selection.stackName != null) {
                throw new ConfigException("--stack and -f do not go together", "give either the stack or the compose files");
            }
            LoadResult result = new ComposeLoader().load(new LoadRequest(files, selection.project.name, System.getenv(), envFile));
            return print(result.project(), result.warnings(), null);
        }
        try (Session session = Session.open()) {
            return stackModel(session);
        }
    }

    /** The selected stack's compose model, resolved with the assets and environment `up` uses. */
    private int stackModel(Session session) {
        StackSelection.Selection chosen;
        try {
            chosen = selection.select(session::compose, assetsDir);
        } catch (EnvironmentException noEngine) {
            throw new ConfigException("cannot tell which stack runs without the Docker engine: " + noEngine.getMessage(),
                    "name the stack: --stack shadow|grafana");
        }
        Map<String, String> env = session.env();
        AssetLocator.Assets assets = AssetLocator.locate(assetsDir, Path.of(""), env);
        StackRunner.LoadedStack loaded = StackRunner.load(chosen.stack(), selection.contract.resolve(assetsDir).origin(),
                chosen.project(), assets, StackSettings.resolve(env, null, null, null));
        List<String> fileNames = chosen.stack().compose().stream().map(f -> Path.of(f).getFileName().toString()).toList();
        return print(loaded.project(), loaded.warnings(), "stack " + chosen.stack().name() + ", project "
                + chosen.project() + ", files " + fileNames + " from " + assets.source());
    }

    private int print(ComposeProject model, List<String> warnings, String source) {
        PrintWriter err = spec.commandLine().getErr();
        if (source != null) {
            err.println("# " + source);
        }
        warnings.forEach(warning -> err.println("warning: " + warning));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.json() ? ComposeConfigWriter.toJson(model) : ComposeConfigWriter.toYaml(model));
        out.flush();
        return 0;
    }

    private int prometheusConfig() {
        if (files != null && !files.isEmpty()) {
            throw new ConfigException("--prometheus and -f do not go together", "--prometheus asks the running Prometheus");
        }
        try (Session session = Session.open()) {
            Endpoints endpoints = selection.endpoints(session, prometheusUrl.roles(), prometheusUrl.urls());
            Endpoint prometheus = endpoints.found(Role.PROMETHEUS).orElseThrow(() -> new EnvironmentException(
                    "no Prometheus to ask: " + endpoints.whyNone(Role.PROMETHEUS, "no URL"),
                    "start the stack (`peaktrade-obs " + (endpoints.stack() == null ? "shadow" : endpoints.stack().name())
                            + " up`) or give --prometheus-url"));
            URI base = prometheus.url();
            String yaml = new PrometheusClient(base, Duration.ofSeconds(5), prometheus.settings()).config().value();
            PrintWriter out = spec.commandLine().getOut();
            if (format.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("project", endpoints.project());
                doc.put("prometheus", base.toString());
                doc.put("yaml", yaml);
                out.println(Json.write(doc));
            } else {
                spec.commandLine().getErr().println("# effective config of Prometheus " + base
                        + (endpoints.project() == null ? "" : " (project " + endpoints.project() + ")"));
                out.print(yaml.endsWith("\n") ? yaml : yaml + "\n");
            }
            out.flush();
            return 0;
        }
    }
}
