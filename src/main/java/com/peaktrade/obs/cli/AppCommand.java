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
            AppVerifyCommand.class,
        })
final class AppCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: pick one of " + spec.subcommands().keySet());
    }
}
