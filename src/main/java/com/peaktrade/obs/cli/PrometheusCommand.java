package com.peaktrade.obs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "prometheus",
        mixinStandardHelpOptions = true,
        header = "Operate the stack's Prometheus.",
        commandListHeading = "%nCommands:%n",
        subcommands = {
            PrometheusReloadCommand.class,
        })
final class PrometheusCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: pick one of " + spec.subcommands().keySet());
    }
}
