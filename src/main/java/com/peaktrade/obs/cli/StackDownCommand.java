package com.peaktrade.obs.cli;

import com.peaktrade.obs.stack.AdminPasswordFile;
import com.peaktrade.obs.stack.ProjectLock;
import com.peaktrade.obs.stack.StackRunner;
import com.peaktrade.obs.session.Session;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `shadow down` / `grafana down`: idempotent, strictly by the project label. */
@Command(name = "down", mixinStandardHelpOptions = true)
class StackDownCommand implements Callable<Integer> {
    private final String stackName;

    @Spec
    CommandSpec spec;

    @Mixin
    StackOptions stackOptions;

    @Option(names = {"-v", "--volumes"}, description = "Also remove the project's named volumes.")
    boolean volumes;

    /** A command of the stack {@code stackName}: a command group of the contract (shadow, grafana or one of a team's). */
    StackDownCommand(String stackName) {
        this.stackName = stackName;
    }

    String stackName() {
        return stackName;
    }

    @Override
    public Integer call() {
        String project = stackOptions.project(stackOptions.stack(stackName()));
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = Session.open();
                ProjectLock lock = ProjectLocks.take(session.env(), project, stackName() + " down", spec.commandLine().getErr())) {
            var result = new StackRunner(session.compose())
                    .down(project, volumes, new TerminalUpListener(out, System.console() != null));
            out.println(result.nothingRemoved()
                    ? "project " + project + ": nothing to remove"
                    : "project " + project + " removed: " + result.containers().size() + " containers, "
                            + result.networks().size() + " networks, " + result.volumes().size() + " volumes");
            if (volumes && AdminPasswordFile.of(session.env(), project).delete()) {
                out.println("removed the stored Grafana admin password " + AdminPasswordFile.of(session.env(), project).path()
                        + " (the next up generates a new one)");
            }
        }
        return 0;
    }
}
