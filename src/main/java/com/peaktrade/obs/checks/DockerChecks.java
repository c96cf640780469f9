package com.peaktrade.obs.checks;

import com.peaktrade.obs.check.Check;
import com.peaktrade.obs.check.CheckContext;
import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.docker.ContainerStatus;
import com.peaktrade.obs.docker.DockerEngine;
import com.peaktrade.obs.error.EnvironmentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** docker.daemon and stack.containers. */
final class DockerChecks {
    static final String DAEMON = "docker.daemon";
    static final String CONTAINERS = "stack.containers";

    /** What a crashed container's last lines often say, and what to do about it. */
    private static final Map<String, String> KNOWN_LOG_CAUSES = Map.of(
            "Only one datasource per organization can be marked as default",
            "two provisioned datasources have isDefault: true; keep exactly one (grafana/provisioning/datasources)",
            "permission denied",
            "a mounted file is not readable by the container's user (Grafana runs as uid 472, Prometheus as nobody)",
            "address already in use",
            "the container's port is taken inside the container; check command/ports");

    private DockerChecks() {
    }

    static Check daemon(VerifyContext ctx) {
        return Check.of(DAEMON, Duration.ofSeconds(10), c -> {
            try {
                DockerEngine engine = ctx.engine().get();
                return Outcome.pass(engine.describe(), "reached via " + engine.connection());
            } catch (EnvironmentException e) {
                return Outcome.fail(e.getMessage(), e.hint());
            }
        });
    }

    static Check containers(VerifyContext ctx, List<String> services) {
        return Check.of(CONTAINERS, Set.of(DAEMON), Duration.ofSeconds(60), c -> containersOutcome(ctx, services, c));
    }

    private static Outcome containersOutcome(VerifyContext ctx, List<String> services, CheckContext c) {
        String project = ctx.targets().project();
        var compose = ctx.compose();
        var polled = c.poll(() -> {
            List<ContainerStatus> ps = compose.ps(project);
            boolean settled = services.stream().allMatch(s -> find(ps, s).map(cs -> cs.isUp() || !cs.isRunning()
                    || "unhealthy".equals(cs.health()) || cs.healthcheckNotRun()).orElse(true));
            return settled ? Optional.of(ps) : Optional.empty();
        });
        List<ContainerStatus> ps = polled.value().orElseGet(() -> compose.ps(project));
        List<String> problems = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        List<String> neverProbed = new ArrayList<>();
        String hint = null;
        for (String service : services) {
            Optional<ContainerStatus> status = find(ps, service);
            if (status.isEmpty()) {
                problems.add(service + " has no container");
                continue;
            }
            ContainerStatus s = status.get();
            evidence.add(s.name() + " " + s.state() + (s.health().isEmpty() ? "" : "/" + s.health())
                    + (s.exitCode() == null ? "" : " exit " + s.exitCode()));
            if (!s.isUp() && s.isRunning() && s.healthcheckNotRun()) {
                if (compose.healthcheckPassesWhenRunHere(s)) {
                    neverProbed.add(service);
                    continue;
                }
                problems.add(service + " running, its healthcheck never run by the engine and failing when run by peaktrade-obs");
                hint = hint != null ? hint : "see `peaktrade-obs debug logs " + service + " -p " + project + "`";
                continue;
            }
            if (!s.isUp()) {
                problems.add(service + " " + s.state() + (s.exitCode() == null ? "" : " (exit code " + s.exitCode() + ")")
                        + (s.health().isEmpty() ? "" : ", " + s.health()));
                List<String> logs = compose.logs(project, service, 20, null);
                logs.subList(Math.max(0, logs.size() - 3), logs.size()).forEach(line -> evidence.add(service + " log: " + line));
                hint = hint != null ? hint : knownCause(logs).orElse(
                        "see `peaktrade-obs debug logs " + service + " -p " + project + "`, fix the cause, then rerun up");
            }
        }
        evidence.add(CheckContext.describe(polled));
        if (ps.isEmpty()) {
            return Outcome.fail("project " + project + " has no containers",
                    "start it with `peaktrade-obs " + ctx.stack().name() + " up`", evidence.toArray(String[]::new));
        }
        if (!problems.isEmpty()) {
            return Outcome.fail(String.join("; ", problems), hint, evidence.toArray(String[]::new));
        }
        if (!neverProbed.isEmpty()) {
            return Outcome.warn(services.size() + " services running, but " + engineName(ctx) + " runs no healthchecks: "
                    + String.join(", ", neverProbed) + " stay 'starting' with no probe logged; their healthcheck tests, "
                    + "run by peaktrade-obs, pass", "podman runs healthchecks only under systemd (its timers); the stack's "
                    + "own checks below judge readiness", evidence.toArray(String[]::new));
        }
        return Outcome.pass(services.size() + " services running: " + String.join(", ", services),
                evidence.toArray(String[]::new));
    }

    private static String engineName(VerifyContext ctx) {
        try {
            return "the engine (" + ctx.engine().get().describe() + ")";
        } catch (EnvironmentException e) {
            return "the engine";
        }
    }

    private static Optional<ContainerStatus> find(List<ContainerStatus> ps, String service) {
        return ps.stream().filter(s -> s.service().equals(service)).findFirst();
    }

    private static Optional<String> knownCause(List<String> logs) {
        String text = logs.stream().collect(Collectors.joining("\n"));
        return KNOWN_LOG_CAUSES.entrySet().stream().filter(e -> text.contains(e.getKey())).map(Map.Entry::getValue).findFirst();
    }
}
