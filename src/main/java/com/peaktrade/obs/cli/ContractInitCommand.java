package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.ContractSummary;
import com.peaktrade.obs.contract.init.ContractInit;
import com.peaktrade.obs.contract.init.DraftFile;
import com.peaktrade.obs.contract.init.RunningStack;
import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.DockerEngine;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.error.ExitCodes;
import com.peaktrade.obs.grafana.GrafanaClient;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.exposition.ExpositionScraper;
import com.peaktrade.obs.stack.AccessOptions;
import com.peaktrade.obs.stack.EngineRunningProject;
import com.peaktrade.obs.stack.RunningProject;
import com.peaktrade.obs.stack.StackEndpoints;
import com.peaktrade.obs.stack.TargetResolver;
import com.peaktrade.obs.stack.UserEnvironment;
import com.peaktrade.obs.stack.VerifyTargets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        header = "Draft a contract from what exists: your assets, a running stack, or both.",
        description = {
            "Writes a contract (docs/contract.md) marked at the top as a DRAFT for a human to review.",
            "",
            "--from-assets DIR reads our layout (compose/, prometheus/, grafana/) or any tree: Grafana datasource "
                    + "provisioning, dashboard providers, dashboard JSON, Prometheus scrape configs and compose files are "
                    + "found by their content wherever they are. Only the top level of a provisioning directory counts "
                    + "(Grafana ignores e.g. datasources/legacy_disabled/). Dashboards keep their uid, folder and template "
                    + "variables as they are (a custom list stays a custom list); compose files become a stack.",
            "",
            "--from-running asks a running stack: -p NAME (its published ports and Grafana credentials, as verify finds "
                    + "them) or the URL options. Prometheus' targets give the jobs, Grafana's API the datasources and "
                    + "dashboards, the exporter's /metrics its families and the label values it serves. Golden queries are "
                    + "proposed only over series that exist. A target that is down or a datasource whose health fails is "
                    + "written optional: true, with a comment saying why.",
            "",
            "Paths in the contract are relative to -o FILE's directory (stdout: this directory).",
            "",
            "Examples:",
            "  peaktrade-obs contract init --from-assets . -o peaktrade-obs.yaml",
            "  peaktrade-obs contract init --from-running -p peaktrade-shadow-mvs",
            "  peaktrade-obs contract init --from-assets . \\",
            "      --prometheus-url http://127.0.0.1:9092 \\",
            "      --grafana-url http://127.0.0.1:3000 \\",
            "      --exporter-url http://127.0.0.1:9109/metrics -o peaktrade-obs.yaml"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:drafted (stdout, or written to -o FILE)",
            "2:bad options, nothing found, or -o FILE exists (without --force)",
            "3:a running service or the Docker engine could not be reached"})
final class ContractInitCommand implements Callable<Integer> {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--from-assets", paramLabel = "DIR", description = "Read the assets under DIR (our layout or any tree).")
    Path assets;

    @Option(names = "--from-running", description = "Ask a running stack: give -p NAME or the URL options.")
    boolean fromRunning;

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME",
            description = "The running compose project to ask (implies --from-running).")
    String project;

    @Option(names = "--prometheus-url", paramLabel = "URL", description = "Prometheus to ask (implies --from-running).")
    String prometheusUrl;

    @Option(names = "--grafana-url", paramLabel = "URL", description = "Grafana to ask (implies --from-running).")
    String grafanaUrl;

    @Option(names = "--exporter-url", paramLabel = "URL", description = "An exporter's /metrics to read (implies --from-running).")
    String exporterUrl;

    @Option(names = "--grafana-user", paramLabel = "USER", description = "Grafana user (as verify: GRAFANA_ADMIN_USER, the container's, admin).")
    String grafanaUser;

    @Option(names = "--grafana-password-file", paramLabel = "FILE",
            description = "File with the Grafana password (as verify: GRAFANA_AUTH, GRAFANA_ADMIN_PASSWORD, the container's, admin).")
    Path grafanaPasswordFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the contract to FILE (default: stdout).")
    Path output;

    @Option(names = "--force", description = "Replace an existing -o FILE (the old one is kept as FILE.bak).")
    boolean force;

    @Override
    public Integer call() {
        boolean urls = prometheusUrl != null || grafanaUrl != null || exporterUrl != null;
        if (fromRunning && project == null && !urls) {
            throw new ConfigException("--from-running needs -p NAME or --prometheus-url/--grafana-url/--exporter-url",
                    "e.g. --from-running -p peaktrade-shadow-mvs");
        }
        if (project != null && urls) {
            throw new ConfigException("-p NAME and the URL options each say what to ask: give one of them",
                    "-p asks the project's published ports; the URL options ask exactly those URLs");
        }
        Path contractDir = output == null ? Path.of("") : output.toAbsolutePath().getParent();
        Map<String, String> env = UserEnvironment.load();
        String text;
        if (project != null) {
            try (DockerEngine engine = DockerEngine.connect(env)) {
                text = draft(contractDir, Optional.of(fromProject(env, new EngineRunningProject(new ComposeEngine(engine), project))));
            }
        } else {
            text = draft(contractDir, urls ? Optional.of(fromUrls(env)) : Optional.empty());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(text);
            return ExitCodes.OK;
        }
        DraftFile.Written written = DraftFile.write(output, text, force, ContractCommand.loader());
        out.println("wrote " + output + ": a DRAFT contract, review it" + written.backup().map(b -> " (the old file is " + b + ")").orElse(""));
        ContractSummary.of(written.contract()).forEach(line -> out.println("  " + line));
        out.println("next: edit it, then `peaktrade-obs contract check " + output + "`");
        return ExitCodes.OK;
    }

    private String draft(Path contractDir, Optional<RunningStack> running) {
        return ContractInit.draft(new ContractInit.Request(Optional.ofNullable(assets), running, contractDir));
    }

    private RunningStack fromUrls(Map<String, String> env) {
        VerifyTargets targets = TargetResolver.resolve(request(), env, null, RunningProject.NONE);
        return new RunningStack(
                Optional.ofNullable(prometheusUrl).map(u -> new PrometheusClient(StackEndpoints.parse("--prometheus-url", u), TIMEOUT)),
                Optional.ofNullable(grafanaUrl).map(u -> new GrafanaClient(StackEndpoints.parse("--grafana-url", u),
                        TIMEOUT, targets.access().grafana().settings())),
                Optional.ofNullable(exporterUrl).map(u -> StackEndpoints.parse("--exporter-url", u)), new ExpositionScraper(TIMEOUT),
                Optional.empty());
    }

    /** The project's published ports, found as verify finds them; a service it does not publish is not asked. */
    private RunningStack fromProject(Map<String, String> env, RunningProject running) {
        Optional<String> prometheus = running.published(StackEndpoints.PROMETHEUS, 9090);
        Optional<String> grafana = running.published(StackEndpoints.GRAFANA, 3000);
        Optional<String> exporter = running.published(StackEndpoints.EXPORTER, 9109);
        if (prometheus.isEmpty() && grafana.isEmpty() && exporter.isEmpty()) {
            throw new EnvironmentException("project " + project + " publishes no Prometheus, Grafana or exporter port: is it running?",
                    "`peaktrade-obs shadow status -p " + project + "`, or give the URL options instead of -p");
        }
        VerifyTargets targets = TargetResolver.resolve(request(), env, project, running);
        return new RunningStack(prometheus.map(p -> new PrometheusClient(targets.prometheus(), TIMEOUT)),
                grafana.map(g -> new GrafanaClient(targets.grafana(), TIMEOUT, targets.access().grafana().settings())),
                exporter.map(e -> targets.exporter()), new ExpositionScraper(TIMEOUT), Optional.of(project));
    }

    private TargetResolver.Request request() {
        return new TargetResolver.Request(BuiltInStacks.definition("shadow").orElseThrow(), null, null, null,
                AccessOptions.grafanaBasic(grafanaUser, grafanaPasswordFile));
    }

}
