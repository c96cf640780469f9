package com.peaktrade.obs.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "shadow",
        mixinStandardHelpOptions = true,
        header = "The Shadow-MVS stack: Prometheus, Grafana and the mock Shadow-MVS exporter.",
        commandListHeading = "%nCommands:%n")
final class ShadowCommand implements Runnable {
    /** Its commands, in help order; {@link CommandTree} adds them (a full model only for the one named). */
    static final List<Class<?>> COMMANDS = List.of(Up.class, Verify.class, Down.class, Status.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: pick one of " + spec.subcommands().keySet());
    }

    @Command(name = "up", mixinStandardHelpOptions = true, header = "Start the shadow stack (recreates containers, waits until running/healthy).")
    static final class Up extends StackUpCommand {
        Up() {
            super("shadow");
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, header = "Run the hard snapshot checks against the shadow stack; prints PASS/FAIL lines and RESULT=.")
    static final class Verify extends StackVerifyCommand {
        Verify() {
            super("shadow");
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, header = "Stop and remove the shadow stack's containers, anonymous volumes and network.")
    static final class Down extends StackDownCommand {
        Down() {
            super("shadow");
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, header = "One-screen snapshot of the shadow stack: services, state, health, ports, URLs.")
    static final class Status extends StackStatusCommand {
        Status() {
            super("shadow");
        }
    }
}
