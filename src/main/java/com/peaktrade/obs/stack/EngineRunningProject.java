package com.peaktrade.obs.stack;

import com.peaktrade.obs.docker.ComposeEngine;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RunningProject} read from the engine: published ports and container environment. Each
 * answer is read once per run: target resolution asks for several services and the engine's
 * container list is the slow part.
 */
public final class EngineRunningProject implements RunningProject {
    private final ComposeEngine engine;
    private final String project;
    private final Map<String, Optional<String>> published = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> environments = new ConcurrentHashMap<>();

    public EngineRunningProject(ComposeEngine engine, String project) {
        this.engine = engine;
        this.project = project;
    }

    @Override
    public Optional<String> published(String service, int containerPort) {
        return published.computeIfAbsent(service + ":" + containerPort,
                key -> engine.published(project, service, containerPort));
    }

    @Override
    public Map<String, String> environment(String service) {
        return environments.computeIfAbsent(service, s -> engine.environment(project, s));
    }
}
