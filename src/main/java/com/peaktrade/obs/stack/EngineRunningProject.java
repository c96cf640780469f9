package com.peaktrade.obs.stack;

import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.ContainerStatus;
import com.peaktrade.obs.docker.ProjectContainers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RunningProject} read from the engine: published ports and container environment. The
 * project's containers are listed once per run (target resolution asks about several services),
 * and each answer is kept.
 */
public final class EngineRunningProject implements RunningProject {
    private final ComposeEngine engine;
    private final String project;
    private ProjectContainers containers;
    private List<ContainerStatus> statuses;
    private final Map<String, Optional<String>> published = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> environments = new ConcurrentHashMap<>();

    public EngineRunningProject(ComposeEngine engine, String project) {
        this.engine = engine;
        this.project = project;
    }

    @Override
    public Optional<String> published(String service, int containerPort) {
        return published.computeIfAbsent(service + ":" + containerPort, key -> containers().published(service, containerPort));
    }

    @Override
    public Map<String, String> environment(String service) {
        return environments.computeIfAbsent(service, s -> containers().environment(s));
    }

    @Override
    public Optional<String> absence(String service, int containerPort) {
        Optional<ContainerStatus> container = statuses().stream().filter(c -> c.service().equals(service)).findFirst();
        return Optional.of(container.map(c -> c.isRunning()
                ? "container " + c.name() + " publishes no port for " + containerPort
                : "container " + c.name() + " is " + c.state() + (c.exitCode() == null ? "" : " (exit code " + c.exitCode() + ")"))
                .orElse("project " + project + " has no " + service + " container"));
    }

    private synchronized List<ContainerStatus> statuses() {
        if (statuses == null) {
            statuses = engine.ps(project);
        }
        return statuses;
    }

    private synchronized ProjectContainers containers() {
        if (containers == null) {
            containers = engine.containers(project);
        }
        return containers;
    }
}
