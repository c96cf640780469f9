package com.peaktrade.obs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "app",
        mixinStandardHelpOptions = true,
        header = "The Peak_Trade web app's /metrics endpoint.",
        commandListHeading = "%nCommands:%n",
        subcommands = {
            AppCommand.Verify.class,
        })
final class AppCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: pick one of " + spec.subcommands().keySet());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, header = "Check that the app's /metrics serves real metrics (not the fallback, not 503).")
    static final class Verify extends PendingCommand {
    }
}
