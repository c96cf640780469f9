package com.peaktrade.obs.cli;

import com.peaktrade.obs.exporter.ExporterSettings;
import com.peaktrade.obs.exporter.ShadowMvsContract;
import com.peaktrade.obs.exporter.ShadowMvsExporter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "exporter", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run the mock Shadow-MVS exporter (metrics contract v1) in the foreground.",
        description = "Serves /metrics (Prometheus text format; OpenMetrics when asked) with every family and "
                + "label value of contract v1. Deterministic: each counter grows at a fixed rate with uptime. "
                + "Runs until Ctrl-C or SIGTERM.")
final class ExporterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ExporterSettings.DEFAULT_HOST,
            description = "Address to listen on; 0.0.0.0 for all interfaces (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ShadowMvsContract.DEFAULT_PORT,
            description = "Port to listen on, 1..65535 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = ShadowMvsContract.DEFAULT_MODE,
            description = "Value of the mode label (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--exchange", paramLabel = "EXCHANGE", defaultValue = ShadowMvsContract.DEFAULT_EXCHANGE,
            description = "Value of the exchange label (default: ${DEFAULT-VALUE}).")
    String exchange;

    @Override
    public Integer call() {
        ShadowMvsExporter.serveUntilStopped(ExporterSettings.forCommandLine(host, port, mode, exchange),
                spec.commandLine().getOut());
        return 0;
    }
}
