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
            DebugMountsCommand.class,
            DebugTargetsCommand.class,
            DebugHealthCommand.class,
            DebugConfigCommand.class,
        })
final class DebugCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: pick one of " + spec.subcommands().keySet());
    }

}
