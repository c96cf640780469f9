package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.ContractSummary;
import com.peaktrade.obs.contract.init.ContractInit;
import com.peaktrade.obs.contract.init.DraftFile;
import com.peaktrade.obs.contract.init.RunningStack;
import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.error.ExitCodes;
import com.peaktrade.obs.grafana.GrafanaClient;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.exposition.ExpositionScraper;
import com.peaktrade.obs.session.Session;
import com.peaktrade.obs.stack.Endpoint;
import com.peaktrade.obs.stack.EndpointResolver;
import com.peaktrade.obs.stack.Endpoints;
import com.peaktrade.obs.stack.EngineRunningProject;
import com.peaktrade.obs.stack.RunningProject;
import java.util.Arrays;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ProjectOption project;

    @Mixin
    EndpointOptions endpoints;

    @Mixin
    SecurityOptions security;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the contract to FILE (default: stdout).")
    Path output;

    @Option(names = "--force", description = "Replace an existing -o FILE (the old one is kept as FILE.bak).")
    boolean force;

    @Override
    public Integer call() {
        Map<Role, String> urls = endpoints.urls();
        if (fromRunning && !project.given() && urls.isEmpty()) {
            throw new ConfigException("--from-running needs -p NAME or --prometheus-url/--grafana-url/--exporter-url",
                    "e.g. --from-running -p peaktrade-shadow-mvs");
        }
        if (project.given() && !urls.isEmpty()) {
            throw new ConfigException("-p NAME and the URL options each say what to ask: give one of them",
                    "-p asks the project's published ports; the URL options ask exactly those URLs");
        }
        Path contractDir = output == null ? Path.of("") : output.toAbsolutePath().getParent();
        String text;
        try (Session session = Session.open()) {
            Optional<RunningStack> running = project.given() || !urls.isEmpty() ? Optional.of(running(session, urls)) : Optional.empty();
            text = ContractInit.draft(new ContractInit.Request(Optional.ofNullable(assets), running, contractDir));
        }
        return write(text);
    }

    /** The draft on stdout, or in -o FILE with a summary and the next step. */
    private int write(String text) {
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

    /**
     * What to ask: the URLs given, or the project's services as verify finds them (the shadow stack's
     * service names and ports); a service the project does not publish is not asked.
     */
    private RunningStack running(Session session, Map<Role, String> urls) {
        Endpoints found;
        String name = project.given() ? project.name.strip() : null;
        if (name != null) {
            var request = new EndpointResolver.Request(BuiltInStacks.definition("shadow").orElseThrow(), name, urls, security.access());
            found = EndpointResolver.resolve(request, session.env(), new EngineRunningProject(session.compose(), name));
            if (Arrays.stream(Role.values()).allMatch(r -> found.found(r).isEmpty())) {
                throw new EnvironmentException("project " + name + " publishes no Prometheus, Grafana or exporter port: is it running?",
                        "`peaktrade-obs shadow status -p " + name + "`, or give the URL options instead of -p");
            }
        } else {
            found = EndpointResolver.resolve(new EndpointResolver.Request(null, null, urls, security.access()), session.env(),
                    RunningProject.NONE);
        }
        var access = found.access();
        return new RunningStack(found.found(Role.PROMETHEUS).map(p -> new PrometheusClient(p.url(), TIMEOUT, access.prometheus().settings())),
                found.found(Role.GRAFANA).map(g -> new GrafanaClient(g.url(), TIMEOUT, access.grafana().settings())),
                found.found(Role.EXPORTER).map(Endpoint::url), new ExpositionScraper(TIMEOUT, access.exporter().settings()),
                Optional.ofNullable(name));
    }
}
