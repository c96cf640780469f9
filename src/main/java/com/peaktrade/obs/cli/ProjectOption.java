package com.peaktrade.obs.cli;

import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.ContainerStatus;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.stack.Stack;
import com.peaktrade.obs.stack.Stacks;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * -p/--project-name and --stack for commands that look at a running project. -p wins; --stack
 * alone means that stack's default project; neither: whichever of our stacks has containers (a
 * clear message when none or both do).
 */
final class ProjectOption {
    /** The values of --stack. */
    enum StackName {
        shadow, grafana;

        Stack stack() {
            return Stack.of(name());
        }
    }

    /** A project and the stack it is (for the stack's compose files and which services to expect). */
    record Selection(String project, Stack stack) {
    }

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME",
            description = "Compose project name (default: the --stack's, else whichever of our stacks is running: "
                    + Stacks.SHADOW_PROJECT + " or " + Stacks.GRAFANA_PROJECT + ").")
    String projectName;

    @Option(names = "--stack", paramLabel = "STACK",
            description = "shadow or grafana: look at that stack (its default project unless -p names another).")
    StackName stackName;

    /** True when neither -p nor --stack was given, so finding the project needs the engine. */
    boolean needsDetection() {
        return isBlank(projectName) && stackName == null;
    }

    /** True when -p or --stack was given. */
    boolean given() {
        return !needsDetection();
    }

    String resolve(ComposeEngine engine) {
        return select(engine).project();
    }

    Selection select(ComposeEngine engine) {
        return select(() -> engine);
    }

    /** The engine is only asked when it is needed (no -p, or -p without --stack to tell which stack it is). */
    Selection select(Supplier<ComposeEngine> engine) {
        if (!isBlank(projectName)) {
            String project = projectName.strip();
            if (stackName != null) {
                return new Selection(project, stackName.stack());
            }
            return new Selection(project, stackOf(project, engine));
        }
        if (stackName != null) {
            return new Selection(stackName.stack().defaultProject(), stackName.stack());
        }
        ComposeEngine e = engine.get();
        List<String> running = Stacks.defaultProjects().stream().filter(p -> !e.ps(p).isEmpty()).toList();
        if (running.size() == 1) {
            String project = running.get(0);
            return new Selection(project, project.equals(Stacks.SHADOW_PROJECT) ? Stack.SHADOW : Stack.GRAFANA);
        }
        if (running.isEmpty()) {
            throw new ConfigException("none of our stacks has containers (" + String.join(", ", Stacks.defaultProjects()) + ")",
                    "start one with `peaktrade-obs shadow up` (or `peaktrade-obs grafana up`), or name one with "
                            + "--stack shadow|grafana or -p NAME");
        }
        throw new ConfigException("both stacks have containers: " + String.join(", ", running),
                "pick one with --stack shadow|grafana (or -p NAME)");
    }

    /** A project's stack: a default name tells; else the exporter service makes it the shadow stack. */
    private static Stack stackOf(String project, Supplier<ComposeEngine> engine) {
        if (project.equals(Stacks.SHADOW_PROJECT)) {
            return Stack.SHADOW;
        }
        if (project.equals(Stacks.GRAFANA_PROJECT)) {
            return Stack.GRAFANA;
        }
        List<ContainerStatus> containers = engine.get().ps(project);
        return containers.stream().anyMatch(c -> c.service().equals("shadow-mvs-exporter")) ? Stack.SHADOW : Stack.GRAFANA;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "ProjectOption[" + projectName + ", " + (stackName == null ? null : stackName.name().toLowerCase(Locale.ROOT)) + "]";
    }
}
