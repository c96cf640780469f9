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
import com.peaktrade.obs.stack.StackEndpoints;
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
    /** Output formats of this command; text is yaml. */
    enum Format { yaml, json, text }

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOption project;

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

    @Option(names = "--prometheus-url", paramLabel = "URL", description = "With --prometheus: ask this Prometheus (default: the project's).")
    String prometheusUrl;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
            description = "Output format: yaml (also: text) or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        if (prometheus) {
            return prometheusConfig();
        }
        if (files != null && !files.isEmpty()) {
            if (project.stackName != null) {
                throw new ConfigException("--stack and -f do not go together", "give either the stack or the compose files");
            }
            LoadResult result = new ComposeLoader().load(new LoadRequest(files, project.projectName, System.getenv(), envFile));
            return print(result.project(), result.warnings(), null);
        }
        try (DebugSession session = new DebugSession()) {
            ProjectOption.Selection selection;
            try {
                selection = project.select(session::compose);
            } catch (EnvironmentException noEngine) {
                throw new ConfigException("cannot tell which stack runs without the Docker engine: " + noEngine.getMessage(),
                        "name the stack: --stack shadow|grafana");
            }
            Map<String, String> env = session.env();
            StackSettings settings = StackSettings.resolve(env, null, null, null);
            AssetLocator.Assets assets = AssetLocator.locate(assetsDir, Path.of(""), env);
            StackRunner.LoadedStack loaded = StackRunner.load(selection.stack(), selection.project(), assets, settings);
            return print(loaded.project(), loaded.warnings(), "stack " + selection.stack().id() + ", project "
                    + selection.project() + ", files " + selection.stack().composeFiles() + " from " + assets.source());
        }
    }

    private int print(ComposeProject model, List<String> warnings, String source) {
        PrintWriter err = spec.commandLine().getErr();
        if (source != null) {
            err.println("# " + source);
        }
        warnings.forEach(warning -> err.println("warning: " + warning));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? ComposeConfigWriter.toJson(model) : ComposeConfigWriter.toYaml(model));
        out.flush();
        return 0;
    }

    private int prometheusConfig() {
        if (files != null && !files.isEmpty()) {
            throw new ConfigException("--prometheus and -f do not go together", "--prometheus asks the running Prometheus");
        }
        try (DebugSession session = new DebugSession()) {
            StackEndpoints endpoints = session.endpoints(project, new StackEndpoints.Explicit(prometheusUrl, null, null));
            if (endpoints.prometheus() == null) {
                throw new EnvironmentException("no Prometheus to ask: "
                        + endpoints.unavailable().getOrDefault(StackEndpoints.PROMETHEUS, "no URL"),
                        "start the stack (`peaktrade-obs " + (endpoints.stack() == null ? "shadow" : endpoints.stack().id())
                                + " up`) or give --prometheus-url");
            }
            String yaml = new PrometheusClient(endpoints.prometheus(), Duration.ofSeconds(5)).config().value();
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("project", endpoints.project());
                doc.put("prometheus", endpoints.prometheus().toString());
                doc.put("yaml", yaml);
                out.println(Json.write(doc));
            } else {
                spec.commandLine().getErr().println("# effective config of Prometheus " + endpoints.prometheus()
                        + (endpoints.project() == null ? "" : " (project " + endpoints.project() + ")"));
                out.print(yaml.endsWith("\n") ? yaml : yaml + "\n");
            }
            out.flush();
            return 0;
        }
    }
}
