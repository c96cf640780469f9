package com.peaktrade.obs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.peaktrade.obs.docker.ContainerStatus;
import com.peaktrade.obs.session.Session;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "ps", mixinStandardHelpOptions = true,
        header = "The project's containers: service, state, health, exit code, ports, uptime, image.",
        description = "Exit 0 when every container runs (healthy where it has a healthcheck), 1 otherwise or when none exist.")
final class DebugPsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackSelection selection;

    @Mixin
    SnapshotFormat format;

    @Override
    public Integer call() throws Exception {
        try (Session session = Session.open()) {
            String name = selection.select(session::compose, null).project();
            List<ContainerStatus> containers = session.compose().ps(name);
            PrintWriter out = spec.commandLine().getOut();
            if (format.json()) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(Map.of("project", name, "containers", containers.stream().map(DebugPsCommand::json).toList())));
            } else if (containers.isEmpty()) {
                out.println("project " + name + " has no containers; start it with `peaktrade-obs shadow up` "
                        + "(or `peaktrade-obs grafana up`)");
            } else {
                printTable(out, containers);
            }
            return !containers.isEmpty() && containers.stream().allMatch(ContainerStatus::isUp) ? 0 : 1;
        }
    }

    private static Map<String, Object> json(ContainerStatus c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", c.service());
        m.put("container", c.name());
        m.put("image", c.image());
        m.put("state", c.state());
        m.put("health", c.health());
        m.put("exitCode", c.exitCode());
        m.put("ports", c.ports());
        m.put("uptimeSeconds", c.uptime() == null ? null : c.uptime().toSeconds());
        return m;
    }

    static void printTable(PrintWriter out, List<ContainerStatus> containers) {
        Table table = new Table("SERVICE", "CONTAINER", "STATE", "HEALTH", "EXIT", "PORTS", "UPTIME", "IMAGE");
        for (ContainerStatus c : containers) {
            table.row(c.service(), c.name(), c.state(), c.health().isEmpty() ? "-" : c.health(),
                    c.exitCode() == null ? "-" : c.exitCode().toString(),
                    c.ports().isEmpty() ? "-" : String.join(",", c.ports()), human(c.uptime()), c.image());
        }
        table.print(out);
    }

    static String human(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60) + "s";
        }
        return (s / 3600) + "h" + (s % 3600 / 60) + "m";
    }
}
