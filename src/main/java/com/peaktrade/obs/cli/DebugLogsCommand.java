package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.Durations;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.session.Session;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "logs", mixinStandardHelpOptions = true,
        header = "The last log lines of one service (a snapshot; no follow).")
final class DebugLogsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackSelection selection;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "Service name, e.g. grafana, prometheus-local.")
    String service;

    @Option(names = "--tail", paramLabel = "N", defaultValue = "100",
            description = "Number of lines from the end (default: ${DEFAULT-VALUE}).")
    int tail;

    @Option(names = "--since", paramLabel = "DURATION",
            description = "Only lines newer than this, e.g. 30s, 5m, 2h.")
    String since;

    @Override
    public Integer call() {
        if (tail < 0) {
            throw new ConfigException("--tail must be 0 or more, got " + tail);
        }
        Instant from = since == null ? null : Instant.now().minus(Durations.parse(since));
        try (Session session = Session.open()) {
            String project = selection.select(session::compose, null).project();
            PrintWriter out = spec.commandLine().getOut();
            session.compose().logs(project, service, tail, from).forEach(out::println);
            return 0;
        }
    }
}
