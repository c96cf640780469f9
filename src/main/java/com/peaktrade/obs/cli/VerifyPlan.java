package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.CheckRunner;
import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.check.RunOptions;
import com.peaktrade.obs.check.Status;
import com.peaktrade.obs.error.ExitCodes;
import com.peaktrade.obs.checks.VerifyContext;
import com.peaktrade.obs.checks.VerifySuite;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.StackChoice;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.http.InFlightLimit;
import com.peaktrade.obs.session.Session;
import com.peaktrade.obs.stack.AccessOptions;
import com.peaktrade.obs.stack.EndpointResolver;
import com.peaktrade.obs.stack.Endpoints;
import com.peaktrade.obs.stack.EngineRunningProject;
import com.peaktrade.obs.stack.RunningProject;
import java.util.EnumSet;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What one `STACK verify` checks, where, and against which contract: URL mode (a URL given, no -p:
 * no Docker) or a project (-p, else the stack's), its endpoints resolved by the one resolver.
 */
record VerifyPlan(StackDefinition stack, Endpoints endpoints, VerifySuite.Plan plan) {

    static VerifyPlan of(Session session, String stackName, Contract contract, ProjectOption project, Map<Role, String> urls,
            AccessOptions access) {
        boolean urlMode = urlMode(session, project, urls);
        StackDefinition stack = StackChoice.of(contract, stackName, () -> BuiltInStacks.definition(stackName), urlMode);
        return of(session, stack, contract, urlMode ? null : project.or(stack), urls, access);
    }

    /** URL mode: a URL given (option or environment) and no -p; then verify never asks Docker. */
    static boolean urlMode(Session session, ProjectOption project, Map<Role, String> urls) {
        return EndpointResolver.anyUrl(EnumSet.allOf(Role.class), urls, session.env()) && !project.given();
    }

    /**
     * The checks of project {@code name} of {@code stack} (up --verify: the project just brought up,
     * never URL mode, whatever URLs the environment holds; given URLs override per service). A null
     * name is URL mode: no Docker.
     */
    static VerifyPlan of(Session session, StackDefinition stack, Contract contract, String name, Map<Role, String> urls,
            AccessOptions access) {
        RunningProject running = name != null && session.engineReachable()
                ? new EngineRunningProject(new ComposeEngine(session.engine()), name) : RunningProject.NONE;
        Endpoints endpoints = EndpointResolver.resolve(new EndpointResolver.Request(stack, name, urls, access), session.env(), running);
        VerifyContext context = VerifyContext.of(stack, contract, endpoints.verifyTargets(), running, name == null ? null : session,
                InFlightLimit.configured(session.env()));
        return new VerifyPlan(stack, endpoints, VerifySuite.plan(context));
    }

    /** Runs the checks; the report notes the defaulted endpoints first, then what the contract expects nothing of. */
    Report run(RunOptions options) {
        return new CheckRunner().run(stack.name() + ".verify", plan.checks(), options)
                .withNotes("endpoint", endpoints.defaultedNotes()).withNotes(plan.notes());
    }

    /**
     * Runs the checks and writes the report (standard output, and --report FILE); verify's exit
     * code: 0 all required passed, 1 one failed, 3 the Docker engine it needs is unreachable.
     */
    int runAndReport(RunOptions options, ReportOptions output, CommandSpec spec) {
        return report(run(options), output, spec);
    }

    /** Writes {@code report} (standard output, and --report FILE); returns verify's exit code as {@link #runAndReport} does. */
    static int report(Report report, ReportOptions output, CommandSpec spec) {
        output.emit(report, spec);
        boolean engineDown = report.result("docker.daemon").map(r -> r.status() == Status.FAIL).orElse(false);
        return engineDown ? ExitCodes.ENVIRONMENT : report.exitCode();
    }
}
