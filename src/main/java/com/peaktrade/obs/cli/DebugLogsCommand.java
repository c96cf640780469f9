package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.Durations;
import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.DockerEngine;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.stack.UserEnvironment;
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
    ProjectOption project;

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
        try (DockerEngine docker = DockerEngine.connect(UserEnvironment.load())) {
            ComposeEngine engine = new ComposeEngine(docker);
            PrintWriter out = spec.commandLine().getOut();
            engine.logs(project.resolve(engine), service, tail, from).forEach(out::println);
            return 0;
        }
    }
}
