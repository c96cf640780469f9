package com.peaktrade.obs.cli;

import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.stack.Stacks;
import java.util.List;
import picocli.CommandLine.Option;

/** -p/--project-name for commands that look at a running project; defaults to whichever of our stacks runs. */
final class ProjectOption {
    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME",
            description = "Compose project name (default: whichever of our stacks is running: "
                    + Stacks.SHADOW_PROJECT + " or " + Stacks.GRAFANA_PROJECT + ").")
    String projectName;

    String resolve(ComposeEngine engine) {
        if (projectName != null && !projectName.isBlank()) {
            return projectName;
        }
        List<String> running = Stacks.defaultProjects().stream().filter(p -> !engine.ps(p).isEmpty()).toList();
        if (running.size() == 1) {
            return running.get(0);
        }
        if (running.isEmpty()) {
            throw new ConfigException("none of our stacks has containers (" + String.join(", ", Stacks.defaultProjects()) + ")",
                    "start one with `peaktrade-obs shadow up`, or name a project with -p");
        }
        throw new ConfigException("both stacks have containers: " + String.join(", ", running),
                "pick one with -p NAME");
    }
}
