package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.StackDefinition;
import java.util.function.Predicate;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command group of a stack that only the contract defines: {@code peaktrade-obs NAME
 * up|verify|down|status}, built at start-up from the contract in force (shadow and grafana have
 * their own classes, whose help and output stay as they were). Headers say the stack's name.
 */
@Command(mixinStandardHelpOptions = true, commandListHeading = "%nCommands:%n")
final class StackGroupCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: pick one of " + spec.subcommands().keySet());
    }

    /** The group for {@code stack}, with its four commands: full models for those {@code full} names, stubs for the rest. */
    static CommandSpec of(StackDefinition stack, Predicate<String> full) {
        String name = stack.name();
        CommandSpec group = CommandSpec.forAnnotatedObject(new StackGroupCommand()).name(name);
        group.usageMessage().header(stack.description().orElse("The " + name + " stack of the contract ("
                + stack.where() + ")."));
        add(group, full, "up", () -> new StackUpCommand(name), "Start the " + name
                + " stack (recreates containers, waits until running/healthy).");
        add(group, full, "verify", () -> new StackVerifyCommand(name), "Run the hard snapshot checks against the " + name
                + " stack; prints PASS/FAIL lines and RESULT=.");
        add(group, full, "down", () -> new StackDownCommand(name), "Stop and remove the " + name
                + " stack's containers, anonymous volumes and network.");
        add(group, full, "status", () -> new StackStatusCommand(name), "One-screen snapshot of the " + name
                + " stack: services, state, health, ports, URLs.");
        return group;
    }

    private static void add(CommandSpec group, Predicate<String> full, String command, Supplier<Object> instance, String header) {
        CommandSpec spec = full.test(command) ? CommandSpec.forAnnotatedObject(instance.get()) : CommandSpec.create();
        spec.usageMessage().header(header);
        group.addSubcommand(command, spec);
    }
}
