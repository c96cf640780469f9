package com.peaktrade.obs.cli;

import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.DockerEngine;
import com.peaktrade.obs.stack.AdminPasswordFile;
import com.peaktrade.obs.stack.ProjectLock;
import com.peaktrade.obs.stack.StackRunner;
import com.peaktrade.obs.stack.UserEnvironment;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `shadow down` / `grafana down`: idempotent, strictly by the project label. */
abstract class StackDownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackOptions stackOptions;

    @Option(names = {"-v", "--volumes"}, description = "Also remove the project's named volumes.")
    boolean volumes;

    /** The stack's name: a command group of the contract. */
    abstract String stackName();

    @Override
    public Integer call() {
        String project = stackOptions.project(stackOptions.stack(stackName()));
        PrintWriter out = spec.commandLine().getOut();
        var env = UserEnvironment.load();
        try (ProjectLock lock = ProjectLocks.take(env, project, stackName() + " down", spec.commandLine().getErr());
                DockerEngine docker = DockerEngine.connect(env)) {
            var result = new StackRunner(new ComposeEngine(docker))
                    .down(project, volumes, new TerminalUpListener(out, System.console() != null));
            out.println(result.nothingRemoved()
                    ? "project " + project + ": nothing to remove"
                    : "project " + project + " removed: " + result.containers().size() + " containers, "
                            + result.networks().size() + " networks, " + result.volumes().size() + " volumes");
            if (volumes && AdminPasswordFile.of(env, project).delete()) {
                out.println("removed the stored Grafana admin password " + AdminPasswordFile.of(env, project).path()
                        + " (the next up generates a new one)");
            }
        }
        return 0;
    }
}
