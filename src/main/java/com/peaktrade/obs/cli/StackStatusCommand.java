package com.peaktrade.obs.cli;

import com.peaktrade.obs.docker.ContainerStatus;
import com.peaktrade.obs.stack.StackRunner;
import com.peaktrade.obs.session.Session;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `shadow status` / `grafana status`: one-screen snapshot; exit 0 when every service runs, else 1. */
@Command(name = "status", mixinStandardHelpOptions = true)
class StackStatusCommand implements Callable<Integer> {
    private final String stackName;

    @Spec
    CommandSpec spec;

    @Mixin
    StackOptions stackOptions;

    /** A command of the stack {@code stackName}: a command group of the contract (shadow, grafana or one of a team's). */
    StackStatusCommand(String stackName) {
        this.stackName = stackName;
    }

    String stackName() {
        return stackName;
    }

    @Override
    public Integer call() {
        String project = stackOptions.project(stackOptions.stack(stackName()));
        PrintWriter out = spec.commandLine().getOut();
        List<ContainerStatus> containers;
        try (Session session = Session.open()) {
            containers = new StackRunner(session.compose()).status(project);
        }
        if (containers.isEmpty()) {
            out.println(stackName() + " stack (project " + project + ") is not running; start it with `peaktrade-obs "
                    + stackName() + " up`");
            return 1;
        }
        out.println(stackName() + " stack, project " + project + ":");
        DebugPsCommand.printTable(out, containers);
        boolean allUp = containers.stream().allMatch(ContainerStatus::isUp);
        out.println(allUp ? "all " + containers.size() + " services up; check them with `peaktrade-obs " + stackName() + " verify`"
                : "not all services are up; see `peaktrade-obs debug logs SERVICE -p " + project + "`");
        return allUp ? 0 : 1;
    }
}
