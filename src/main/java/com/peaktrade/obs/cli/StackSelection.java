package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.contract.StackService;
import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.ContainerStatus;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.session.Session;
import com.peaktrade.obs.stack.EndpointResolver;
import com.peaktrade.obs.stack.EngineRunningProject;
import com.peaktrade.obs.stack.Endpoints;
import com.peaktrade.obs.stack.RunningProject;
import com.peaktrade.obs.contract.StackService.Role;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which running project and stack a troubleshooting command looks at: -p wins; --stack alone means
 * that stack's project; neither: whichever of the contract's stacks has containers (a clear message
 * when none or several do). Stacks come from the contract in force (--contract), the embedded one's
 * when it defines none.
 */
final class StackSelection {
    /** A project and the stack it is (for its compose files and which services to expect). */
    record Selection(String project, StackDefinition stack) {
    }

    @Mixin
    ProjectOption project;

    @Option(names = "--stack", paramLabel = "STACK",
            description = "A stack of the contract, e.g. shadow or grafana: look at it (its project unless -p names another; "
                    + "default: whichever of the contract's stacks has containers).")
    String stackName;

    @Mixin
    ContractOption contract;

    @Mixin
    SecurityOptions security;

    /** True when -p or --stack was given. */
    boolean given() {
        return project.given() || stackName != null;
    }

    /** The selection; the engine is only asked when it is needed (no --stack, or no -p). */
    Selection select(Supplier<ComposeEngine> engine, Path assetsDir) {
        List<StackDefinition> stacks = stacks(assetsDir);
        StackDefinition named = stackName == null ? null : named(stacks, stackName.strip());
        if (project.given()) {
            String name = project.name.strip();
            return new Selection(name, named != null ? named : stackOf(name, stacks, engine));
        }
        if (named != null) {
            return new Selection(named.project(), named);
        }
        ComposeEngine e = engine.get();
        List<StackDefinition> running = stacks.stream().filter(s -> !e.ps(s.project()).isEmpty()).toList();
        List<String> projects = stacks.stream().map(StackDefinition::project).distinct().toList();
        String choice = "--stack " + stacks.stream().map(StackDefinition::name).collect(Collectors.joining("|"));
        if (running.size() == 1) {
            return new Selection(running.get(0).project(), running.get(0));
        }
        if (running.isEmpty()) {
            throw new ConfigException("none of our stacks has containers (" + String.join(", ", projects) + ")",
                    "start one with `peaktrade-obs " + stacks.get(0).name() + " up`"
                            + (stacks.size() > 1 ? " (or `peaktrade-obs " + stacks.get(1).name() + " up`)" : "")
                            + ", or name one with " + choice + " or -p NAME");
        }
        throw new ConfigException((running.size() == 2 ? "both stacks have" : running.size() + " stacks have") + " containers: "
                + String.join(", ", running.stream().map(StackDefinition::project).toList()),
                "pick one with " + choice + " (or -p NAME)");
    }

    /**
     * The endpoints the command talks to: in URL mode (a URL given, neither -p nor --stack) only the
     * given ones; else the selected project's, given URLs overriding per service.
     */
    Endpoints endpoints(Session session, Set<Role> asked, Map<Role, String> urls) {
        if (EndpointResolver.anyUrl(asked, urls, session.env()) && !given()) {
            return EndpointResolver.resolve(new EndpointResolver.Request(null, null, urls, security.access()), session.env(), RunningProject.NONE);
        }
        Selection selection = select(session::compose, null);
        return EndpointResolver.resolve(new EndpointResolver.Request(selection.stack(), selection.project(), urls, security.access()),
                session.env(), new EngineRunningProject(session.compose(), selection.project()));
    }

    private List<StackDefinition> stacks(Path assetsDir) {
        Contract inForce = contract.resolve(assetsDir);
        return inForce.stacks().entries().isEmpty() ? BuiltInStacks.embedded().stacks().entries() : inForce.stacks().entries();
    }

    private static StackDefinition named(List<StackDefinition> stacks, String name) {
        return stacks.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new ConfigException(
                "no stack " + name + " in the contract (its stacks: "
                        + String.join(", ", stacks.stream().map(StackDefinition::name).toList()) + ")",
                "--stack takes one of them; `peaktrade-obs contract show` prints the contract in force"));
    }

    /**
     * A project's stack: the one whose default project it is; else the stack whose services its
     * containers run (all of them, the most services first), else the one with the most of them.
     */
    private static StackDefinition stackOf(String project, List<StackDefinition> stacks, Supplier<ComposeEngine> engine) {
        for (StackDefinition s : stacks) {
            if (s.project().equals(project)) {
                return s;
            }
        }
        Set<String> running = engine.get().ps(project).stream().map(ContainerStatus::service).collect(Collectors.toSet());
        Comparator<StackDefinition> byFit = Comparator.comparing((StackDefinition s) -> running.containsAll(services(s)))
                .thenComparingLong(s -> services(s).stream().filter(running::contains).count());
        StackDefinition best = stacks.get(0);
        for (StackDefinition s : stacks) {
            if (byFit.compare(s, best) > 0) {
                best = s;
            }
        }
        return best;
    }

    private static List<String> services(StackDefinition stack) {
        return stack.services().values().stream().map(StackService::service).distinct().toList();
    }
}
