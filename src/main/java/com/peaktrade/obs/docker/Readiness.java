package com.peaktrade.obs.docker;

import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.DependsOn;
import com.peaktrade.obs.compose.ServiceSpec;
import com.peaktrade.obs.poll.Poller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether a project's services are up, as `up` waits for them: a dependency's {@code depends_on}
 * condition before its dependent starts, then every service running (and healthy where it has a
 * healthcheck). What stops a wait is a typed {@link NotReady}; the failure it becomes carries the
 * container's last log lines.
 */
final class Readiness {
    /**
     * Without a healthcheck, "running" right after start says little: a process that crashes on a
     * bad config is still running for a few milliseconds. Such a container counts as up only after
     * it has run this long, so a crash during start fails `up` instead of passing it.
     */
    static final Duration STABLE_RUNNING = Duration.ofSeconds(1);

    /** Why a service stopped a wait. */
    enum Reason {
        MISSING("disappeared"),
        EXITED("exited"),
        FAILED("failed"),
        UNHEALTHY("is unhealthy"),
        HEALTHY("is healthy"),
        COMPLETED("completed");

        private final String words;

        Reason(String words) {
            this.words = words;
        }
    }

    /** A service's container in a state that ends the wait; {@code exitCode} when it exited. */
    record NotReady(String service, Reason reason, Long exitCode) {
        String describe(String container) {
            return "container " + container + " " + reason.words
                    + (reason == Reason.EXITED || reason == Reason.FAILED ? " with code " + exitCode : "");
        }
    }

    private final ProjectQuery query;
    private final EngineCalls calls;
    /** Services whose healthcheck the engine never ran and whose test, run by us, passed. */
    private final java.util.Set<String> passedStandIn = java.util.concurrent.ConcurrentHashMap.newKeySet();

    Readiness(EngineCalls calls, ProjectQuery query) {
        this.calls = calls;
        this.query = query;
    }

    /**
     * Whether the engine skipped {@code state}'s healthcheck and the tool's own run of its test
     * passes (once passed, it stays passed for this wait, as the engine's "healthy" would).
     */
    private boolean passesStandIn(String service, InspectedContainer state) {
        if (passedStandIn.contains(service)) {
            return true;
        }
        if (StandInHealthcheck.engineSkipped(state) && state.healthcheck().passes(new ContainerInspector(calls), state.id())) {
            passedStandIn.add(service);
            return true;
        }
        return false;
    }

    /** Waits until each of {@code service}'s dependencies meets its condition (started needs no wait). */
    void awaitDependencies(ComposeProject project, ServiceSpec service, Duration budget, UpListener listener) {
        for (var dep : service.dependsOn().entrySet()) {
            String condition = dep.getValue().condition();
            if (DependsOn.STARTED.equals(condition) || !project.services().containsKey(dep.getKey())) {
                continue;
            }
            String depName = ContainerSpecs.containerName(project, dep.getKey());
            boolean healthy = DependsOn.HEALTHY.equals(condition);
            listener.step("waiting for " + depName + " (" + condition + ") before starting " + service.name());
            var outcome = Poller.within(budget).until(() -> dependencyState(dep.getKey(), depName, healthy));
            Reason wanted = healthy ? Reason.HEALTHY : Reason.COMPLETED;
            Optional<NotReady> end = outcome.value();
            if (end.isEmpty() || end.get().reason() != wanted) {
                String state = end.map(n -> n.reason().name().toLowerCase(Locale.ROOT)).orElse("timeout");
                throw failure(project, dep.getKey(), "dependency " + dep.getKey() + " of " + service.name()
                        + " did not reach " + condition + " (" + state + " after " + seconds(outcome.elapsed()) + ")");
            }
        }
    }

    /** Where a dependency stands; empty while it is still getting there. */
    private Optional<NotReady> dependencyState(String service, String container, boolean healthy) {
        var state = query.states().inspect(container).orElse(null);
        if (state == null) {
            return Optional.of(new NotReady(service, Reason.MISSING, null));
        }
        if (healthy) {
            if (!state.running()) {
                return Optional.of(new NotReady(service, Reason.EXITED, state.exitCode()));
            }
            if (passesStandIn(service, state)) {
                return Optional.of(new NotReady(service, Reason.HEALTHY, null));
            }
            return switch (state.health()) {
                case "healthy" -> Optional.of(new NotReady(service, Reason.HEALTHY, null));
                case "unhealthy" -> Optional.of(new NotReady(service, Reason.UNHEALTHY, null));
                default -> Optional.empty();
            };
        }
        if (state.running()) {
            return Optional.empty();
        }
        return Optional.of(new NotReady(service, state.exitCode() != null && state.exitCode() == 0 ? Reason.COMPLETED
                : Reason.FAILED, state.exitCode()));
    }

    /** Waits until every service runs (and is healthy where it has a healthcheck), or fails with logs. */
    void awaitUp(ComposeProject project, Duration budget, UpListener listener) {
        var oneShots = new TreeSet<String>();
        project.services().values().forEach(s -> s.dependsOn().forEach((dep, d) -> {
            if (DependsOn.COMPLETED.equals(d.condition())) {
                oneShots.add(dep);
            }
        }));
        // a present value ends the wait: a service's problem, or empty when every service is up
        var outcome = Poller.within(budget).until(() -> {
            List<String> pending = new ArrayList<>();
            for (String service : project.services().keySet()) {
                var state = query.states().inspect(ContainerSpecs.containerName(project, service)).orElse(null);
                if (state == null) {
                    return Optional.of(Optional.of(new NotReady(service, Reason.MISSING, null)));
                }
                boolean running = state.running();
                String health = state.health();
                Long exit = state.exitCode();
                if (oneShots.contains(service) && !running && exit != null && exit == 0) {
                    continue;
                }
                if (state.restarting() || (!running && !"created".equals(state.status()))) {
                    return Optional.of(Optional.of(new NotReady(service, Reason.EXITED, exit)));
                }
                if ("unhealthy".equals(health)) {
                    return Optional.of(Optional.of(new NotReady(service, Reason.UNHEALTHY, null)));
                }
                if (running && "starting".equals(health) && passesStandIn(service, state)) {
                    continue;
                }
                if (!running || !(health.isEmpty() || "healthy".equals(health))) {
                    pending.add(service + (health.isEmpty() ? "" : " (" + health
                            + (StandInHealthcheck.engineSkipped(state) ? ", never probed by the engine; its test run here fails so far" : "")
                            + ")"));
                } else if (health.isEmpty() && runningFor(state.startedAt()).compareTo(STABLE_RUNNING) < 0) {
                    pending.add(service + " (just started)");
                }
            }
            return pending.isEmpty() ? Optional.of(Optional.<NotReady>empty()) : Optional.empty();
        });
        if (!outcome.done()) {
            throw new UpFailedException("project " + project.name() + " not up after " + seconds(outcome.elapsed())
                    + ": " + describePending(project), "raise the wait timeout, or look at `peaktrade-obs debug logs SERVICE`");
        }
        Optional<NotReady> problem = outcome.value().orElseThrow();
        if (problem.isPresent()) {
            NotReady notReady = problem.get();
            throw failure(project, notReady.service(),
                    notReady.describe(ContainerSpecs.containerName(project, notReady.service())));
        }
        if (!passedStandIn.isEmpty()) {
            listener.warn(calls.engine() + " runs no healthchecks (" + String.join(", ", new TreeSet<>(passedStandIn))
                    + ": health 'starting' with no probe logged; podman probes only under systemd): "
                    + "peaktrade-obs ran their healthcheck tests itself, and they pass");
        }
        listener.step("all " + project.services().size() + " services up after " + seconds(outcome.elapsed()));
    }

    private String describePending(ComposeProject project) {
        List<String> parts = new ArrayList<>();
        for (ContainerStatus s : query.ps(project.name())) {
            if (!s.isUp()) {
                parts.add(s.service() + " " + s.state() + (s.health().isEmpty() ? "" : "/" + s.health()));
            }
        }
        return parts.isEmpty() ? "(all up at the end)" : String.join(", ", parts);
    }

    private UpFailedException failure(ComposeProject project, String service, String problem) {
        String name = ContainerSpecs.containerName(project, service);
        List<String> lines = query.states().inspect(name).map(c -> query.tail(c.id(), name, 20, null)).orElse(List.of());
        String logs = lines.isEmpty() ? "(no log output)" : String.join("\n  | ", lines);
        return new UpFailedException(problem + "; last log lines of " + name + ":\n  | " + logs,
                "fix the cause above, then rerun up; `peaktrade-obs debug logs " + service + "` shows more");
    }

    private static Duration runningFor(String startedAt) {
        Duration d = ProjectQuery.since(startedAt);
        return d == null ? Duration.ZERO : d;
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
