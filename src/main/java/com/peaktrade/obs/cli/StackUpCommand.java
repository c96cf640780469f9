package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.Durations;
import com.peaktrade.obs.check.RunOptions;
import com.peaktrade.obs.compose.ServiceSpec;
import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.UpListener;
import com.peaktrade.obs.stack.ProjectLock;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.stack.StackRunner;
import com.peaktrade.obs.session.Session;
import com.peaktrade.obs.stack.AccessOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * `STACK up` (shadow, grafana or a stack of the contract): one command that brings the stack up and
 * says what to do next; with --verify it then runs the stack's verify in the same process.
 */
@Command(name = "up", mixinStandardHelpOptions = true)
class StackUpCommand implements Callable<Integer> {
    private final String stackName;

    @Spec
    CommandSpec spec;

    @Mixin
    StackOptions stackOptions;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Host address the ports are published on (default: PEAKTRADE_OBS_BIND or 127.0.0.1). "
                    + "Beyond loopback admin/admin is refused.")
    String bind;

    @Option(names = "--grafana-password-file", paramLabel = "FILE",
            description = "File holding the Grafana admin password (default: GRAFANA_ADMIN_PASSWORD, GF_SECURITY_ADMIN_PASSWORD, "
                    + "else a random one generated once and kept in the state directory, mode 0600).")
    Path passwordFile;

    @Option(names = "--rotate-grafana-password",
            description = "Replace the generated Grafana admin password with a new one (when no password is given).")
    boolean rotatePassword;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "How long to wait for every service to run and be healthy (default: 3m); with --verify, also "
                    + "the budget of every check, replacing their own (as verify --timeout).")
    String timeout;

    @Option(names = "--verify",
            description = "Then run this stack's verify in the same process (the same contract, project and engine "
                    + "connection; its checks wait for warm-up as verify does): up's lines, then verify's PASS/FAIL lines "
                    + "with RESULT= last; the exit code is verify's (a failed up exits with its own code and verifies "
                    + "nothing). --format, --report, --budget, --no-wait and the URL options apply to this part; with "
                    + "--format json or junit, up's lines go to standard error so standard output stays parseable.")
    boolean verify;

    @Mixin
    CheckBudgets budgets;

    @Mixin
    EndpointOptions endpoints;

    @Mixin
    ReportOptions output;

    private static final Duration DEFAULT_WAIT = Duration.ofMinutes(3);

    /** A command of the stack {@code stackName}: a command group of the contract (shadow, grafana or one of a team's). */
    StackUpCommand(String stackName) {
        this.stackName = stackName;
    }

    String stackName() {
        return stackName;
    }

    @Override
    public Integer call() {
        Duration wait = timeout == null ? DEFAULT_WAIT : Durations.parse(timeout);
        // verify's options are checked before anything starts: a typo must not cost a stack start
        if (!verify) {
            rejectVerifyOptions();
        }
        RunOptions checks = verify ? verifyOptions(timeout == null ? null : wait) : null;
        long start = System.nanoTime();
        try (Session session = Session.open()) {
            // Connecting (client set-up, /version) overlaps reading the compose files: it is on the
            // path to the first container start, and so to the first scrape.
            session.connectAhead();
            StackRunner.LoadedStack loaded = stackOptions.load(session.env(), stackName(), bind, passwordFile, rotatePassword);
            if (!verify) {
                up(loaded, wait, start, session, listener -> listener);
                return 0;
            }
            VerifyAhead ahead = new VerifyAhead(() -> VerifyPlan.of(session, stackOptions.stack(stackName()),
                    stackOptions.contract(), loaded.project().name(), endpoints.urls(), AccessOptions.grafanaBasic(null, passwordFile))
                    .run(checks));
            try {
                up(loaded, wait, start, session, ahead::around);
            } catch (RuntimeException | Error upFailed) {
                ahead.cancel();
                throw upFailed;
            }
            return VerifyPlan.report(ahead.await(), output, spec);
        }
    }

    private RunOptions verifyOptions(Duration everyCheck) {
        output.validate();
        return budgets.runOptions(everyCheck);
    }

    /** Without --verify, an option of the verify part is a usage error (exit 2), not silently ignored. */
    private void rejectVerifyOptions() {
        ParseResult parsed = spec.commandLine().getParseResult();
        for (String mixin : List.of("budgets", "endpoints", "output")) {
            for (OptionSpec option : spec.mixins().get(mixin).options()) {
                if (parsed.hasMatchedOption(option)) {
                    throw new ParameterException(spec.commandLine(), option.longestName() + " applies to the verify part of up: "
                            + "add --verify, or run `peaktrade-obs " + stackName() + " verify` afterwards");
                }
            }
        }
    }

    /**
     * Brings the stack up and prints up's lines (on standard error when verify's report is machine
     * output); {@code listening} may wrap up's listener (up --verify: {@link VerifyAhead}).
     */
    private void up(StackRunner.LoadedStack loaded, Duration wait, long start, Session session,
            UnaryOperator<UpListener> listening) {
        StackDefinition stack = stackOptions.stack(stackName());
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = verify && output.machineReadable() ? err : spec.commandLine().getOut();
        loaded.warnings().forEach(w -> err.println("warning: " + w));
        out.println(stackName() + " stack, project " + loaded.project().name() + " (assets: " + loaded.assets().source()
                + (loaded.assets().source().startsWith("embedded") ? " in " + loaded.assets().dir() : "") + ")");
        printImages(out, loaded);
        if (loaded.project().services().containsKey("grafana")) {
            out.println("Grafana admin user " + loaded.settings().adminUser() + ", password from "
                    + loaded.settings().passwordSource());
        }
        String project = loaded.project().name();
        Thread interrupted = new Thread(() -> {
            err.println();
            err.println("interrupted: what was created carries the label com.docker.compose.project=" + project
                    + "; `peaktrade-obs " + stackName() + " down -p " + project + "` removes it, `"
                    + stackName() + " up` starts over");
            err.flush();
        });
        try (ProjectLock lock = ProjectLocks.take(loaded.settings().environment(), project, stackName() + " up", err)) {
            ComposeEngine compose = session.compose();
            Runtime.getRuntime().addShutdownHook(interrupted);
            var runner = new StackRunner(compose);
            runner.up(loaded, wait, listening.apply(new TerminalUpListener(out, System.console() != null)));
        } finally {
            removeHook(interrupted);
        }
        out.println(String.format(Locale.ROOT, "%s stack up in %.1f s:", stackName(), (System.nanoTime() - start) / 1e9));
        Map<String, String> urls = loaded.urls();
        int width = urls.keySet().stream().mapToInt(String::length).max().orElse(0);
        urls.forEach((service, url) -> out.println("  " + String.format("%-" + width + "s", service) + "  " + url));
        if (verify) {
            out.flush();
            return;
        }
        // verify must read the same contract: repeat the options that chose it
        out.println("Next: peaktrade-obs " + stackName() + " verify"
                + (loaded.project().name().equals(stack.project()) ? "" : " -p " + loaded.project().name())
                + (stackOptions.contract.file == null ? "" : " --contract " + stackOptions.contract.file)
                + (stackOptions.assetsDir == null ? "" : " --assets-dir " + stackOptions.assetsDir));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNotAdded) {
            // the JVM is exiting (the hook runs) or the hook was never added
        }
    }

    /** Which image each service runs, and where an environment variable chose it. */
    private static void printImages(PrintWriter out, StackRunner.LoadedStack loaded) {
        Map<String, String> env = loaded.settings().environment();
        for (ServiceSpec s : loaded.project().services().values()) {
            String variable = switch (s.name()) {
                case "prometheus-local" -> "PEAKTRADE_OBS_PROMETHEUS_IMAGE";
                case "grafana" -> "PEAKTRADE_OBS_GRAFANA_IMAGE";
                case "shadow-mvs-exporter" -> "PEAKTRADE_OBS_EXPORTER_IMAGE";
                default -> null;
            };
            boolean overridden = variable != null && env.get(variable) != null && !env.get(variable).isBlank();
            out.println("  image " + s.name() + ": " + s.image() + (overridden ? " (from " + variable + ")" : " (pinned default)"));
        }
    }
}
