package com.peaktrade.obs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "debug",
        mixinStandardHelpOptions = true,
        header = "Snapshot troubleshooting commands (no watch loops).",
        commandListHeading = "%nCommands:%n",
        subcommands = {
            DebugPsCommand.class,
            DebugLogsCommand.class,
            DebugCommand.Mounts.class,
            DebugCommand.Targets.class,
            DebugCommand.Health.class,
            DebugConfigCommand.class,
        })
final class DebugCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: pick one of " + spec.subcommands().keySet());
    }



    @Command(name = "mounts", mixinStandardHelpOptions = true, header = "Each container's mounts and what the container really sees there.")
    static final class Mounts extends PendingEngineCommand {
    }

    @Command(name = "targets", mixinStandardHelpOptions = true, header = "Prometheus scrape targets with health, last error and hints.")
    static final class Targets extends PendingCommand {
    }

    @Command(name = "health", mixinStandardHelpOptions = true, header = "One line per endpoint with status code and latency.")
    static final class Health extends PendingCommand {
    }
}
