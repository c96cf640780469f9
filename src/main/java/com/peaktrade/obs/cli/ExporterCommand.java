package com.peaktrade.obs.cli;

import picocli.CommandLine.Command;

@Command(name = "exporter", mixinStandardHelpOptions = true,
        header = "Run the mock Shadow-MVS exporter (metrics contract v1) in the foreground.")
final class ExporterCommand extends PendingCommand {
}
