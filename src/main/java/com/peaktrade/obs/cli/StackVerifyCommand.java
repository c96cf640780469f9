package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.CheckRunner;
import com.peaktrade.obs.check.Durations;
import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.check.RunOptions;
import com.peaktrade.obs.check.Status;
import com.peaktrade.obs.checks.VerifyContext;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.StackChoice;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.checks.VerifySuite;
import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.DockerEngine;
import com.peaktrade.obs.error.ExitCodes;
import com.peaktrade.obs.stack.EngineRunningProject;
import com.peaktrade.obs.stack.RunningProject;
import com.peaktrade.obs.stack.TargetResolver;
import com.peaktrade.obs.stack.UserEnvironment;
import com.peaktrade.obs.stack.VerifyTargets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `shadow verify` / `grafana verify`: hard snapshot checks, printed as PASS/FAIL lines (or JSON,
 * JUnit) with RESULT= last. Exit 0 when every required check passed, 1 when one failed, 3 when
 * the Docker engine it needs is unreachable.
 */
abstract class StackVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME",
            description = "Compose project to check (default: the stack's; its published ports and Grafana credentials are "
                    + "read from the running containers).")
    String projectName;

    @Option(names = "--prometheus-url", paramLabel = "URL", description = "Prometheus to check (also PROM_URL).")
    String prometheusUrl;

    @Option(names = "--grafana-url", paramLabel = "URL", description = "Grafana to check (also GRAFANA_URL).")
    String grafanaUrl;

    @Option(names = "--exporter-url", paramLabel = "URL", description = "Exporter /metrics to check (also EXPORTER_URL).")
    String exporterUrl;

    @Mixin
    SecurityOptions security;

    @Option(names = "--assets-dir", paramLabel = "DIR",
            description = "Directory whose peaktrade-obs.yaml is the contract (default: the current directory when it is a "
                    + "checkout, else the embedded contract).")
    Path assetsDir;

    @Mixin
    ContractOption contract;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Budget for every check, replacing their own (e.g. 30s, 2m).")
    String timeout;

    @Option(names = "--budget", paramLabel = "ID=DURATION",
            description = "Budget of one check, e.g. --budget grafana.health=2m (repeatable).")
    Map<String, String> budgets = new LinkedHashMap<>();

    @Option(names = "--no-wait", description = "One snapshot per check: no waiting for warm-up.")
    boolean noWait;

    @Mixin
    ReportOptions output;

    /** The stack's name: a command group of the contract (shadow, grafana or one of a team's). */
    abstract String stackName();

    @Override
    public Integer call() {
        Map<String, String> env = UserEnvironment.load();
        boolean urlsOnly = prometheusUrl != null || grafanaUrl != null || env.containsKey("PROM_URL") || env.containsKey("GRAFANA_URL");
        Contract inForce = contract.resolve(assetsDir);
        StackDefinition stack = StackChoice.of(inForce, stackName(), BuiltInStacks.definition(stackName()), urlsOnly);
        var request = new TargetResolver.Request(stack, prometheusUrl, grafanaUrl, exporterUrl, security.access());
        boolean useEngine = projectName != null || !urlsOnly;
        String project = useEngine ? (projectName == null ? stack.project() : projectName) : null;
        output.validate();
        RunOptions options = new RunOptions(timeout == null ? null : Durations.parse(timeout), Durations.parseAll(budgets),
                noWait, RunOptions.DEFAULT_PARALLELISM);

        LazyEngine engine = useEngine ? new LazyEngine(env) : null;
        try {
            RunningProject running = RunningProject.NONE;
            if (engine != null && engine.tryConnect()) {
                running = new EngineRunningProject(new ComposeEngine(engine.get()), project);
            }
            VerifyTargets targets = TargetResolver.resolve(request, env, project, running);
            VerifyContext context = VerifyContext.of(stack, inForce, targets, engine);
            VerifySuite.Plan plan = VerifySuite.plan(context);
            Report report = new CheckRunner().run(stack.name() + ".verify", plan.checks(), options).withNotes(plan.notes());
            output.emit(report, spec);
            boolean engineDown = report.result("docker.daemon").map(r -> r.status() == Status.FAIL).orElse(false);
            return engineDown ? ExitCodes.ENVIRONMENT : report.exitCode();
        } finally {
            if (engine != null) {
                engine.close();
            }
        }
    }

    /** Connects once, on first use; docker.daemon reports a failure to connect as its FAIL. */
    static final class LazyEngine implements Supplier<DockerEngine>, AutoCloseable {
        private final Map<String, String> env;
        private DockerEngine engine;
        private RuntimeException failure;

        LazyEngine(Map<String, String> env) {
            this.env = env;
        }

        synchronized boolean tryConnect() {
            try {
                get();
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public synchronized DockerEngine get() {
            if (engine == null && failure == null) {
                try {
                    engine = DockerEngine.connect(env);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return engine;
        }

        @Override
        public synchronized void close() {
            if (engine != null) {
                engine.close();
            }
        }
    }

}
