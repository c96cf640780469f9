package com.peaktrade.obs.stack;

import com.peaktrade.obs.docker.ComposeEngine;
import java.util.Map;
import java.util.Optional;

/** {@link RunningProject} read from the engine: published ports and container environment. */
public final class EngineRunningProject implements RunningProject {
    private final ComposeEngine engine;
    private final String project;

    public EngineRunningProject(ComposeEngine engine, String project) {
        this.engine = engine;
        this.project = project;
    }

    @Override
    public Optional<String> published(String service, int containerPort) {
        return engine.published(project, service, containerPort);
    }

    @Override
    public Map<String, String> environment(String service) {
        return engine.environment(project, service);
    }
}
