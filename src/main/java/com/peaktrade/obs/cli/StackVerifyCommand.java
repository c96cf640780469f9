package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.Durations;
import com.peaktrade.obs.check.RunOptions;
import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.session.Session;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `shadow verify` / `grafana verify`: hard snapshot checks, printed as PASS/FAIL lines (or JSON,
 * JUnit) with RESULT= last. Exit 0 when every required check passed, 1 when one failed, 3 when
 * the Docker engine it needs is unreachable.
 */
@Command(name = "verify", mixinStandardHelpOptions = true)
class StackVerifyCommand implements Callable<Integer> {
    private final String stackName;

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOption project;

    @Mixin
    EndpointOptions endpoints;

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

    @Mixin
    CheckBudgets budgets;

    @Mixin
    ReportOptions output;

    /** A command of the stack {@code stackName}: a command group of the contract (shadow, grafana or one of a team's). */
    StackVerifyCommand(String stackName) {
        this.stackName = stackName;
    }

    String stackName() {
        return stackName;
    }

    @Override
    public Integer call() {
        output.validate();
        RunOptions options = budgets.runOptions(timeout == null ? null : Durations.parse(timeout));
        try (Session session = Session.open()) {
            Map<Role, String> urls = endpoints.urls();
            if (!VerifyPlan.urlMode(session, project, urls)) {
                session.connectAhead(); // the engine's client set-up and /version overlap reading the contract
            }
            return VerifyPlan.of(session, stackName(), contract.resolve(assetsDir), project, urls, security.access())
                    .runAndReport(options, output, spec);
        }
    }
}
