package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.StackDefinition;
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

    /** The group for {@code stack}, with its four commands. */
    static CommandSpec of(StackDefinition stack) {
        String name = stack.name();
        CommandSpec group = CommandSpec.forAnnotatedObject(new StackGroupCommand()).name(name);
        group.usageMessage().header(stack.description().orElse("The " + name + " stack of the contract ("
                + stack.where() + ")."));
        group.addSubcommand("up", header(CommandSpec.forAnnotatedObject(new StackUpCommand(name)),
                "Start the " + name + " stack (recreates containers, waits until running/healthy)."));
        group.addSubcommand("verify", header(CommandSpec.forAnnotatedObject(new StackVerifyCommand(name)),
                "Run the hard snapshot checks against the " + name + " stack; prints PASS/FAIL lines and RESULT=."));
        group.addSubcommand("down", header(CommandSpec.forAnnotatedObject(new StackDownCommand(name)),
                "Stop and remove the " + name + " stack's containers, anonymous volumes and network."));
        group.addSubcommand("status", header(CommandSpec.forAnnotatedObject(new StackStatusCommand(name)),
                "One-screen snapshot of the " + name + " stack: services, state, health, ports, URLs."));
        return group;
    }

    private static CommandSpec header(CommandSpec spec, String header) {
        spec.usageMessage().header(header);
        return spec;
    }
}
