package com.peaktrade.obs.cli;

import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.ContainerStatus;
import com.peaktrade.obs.docker.DockerEngine;
import com.peaktrade.obs.stack.EngineRunningProject;
import com.peaktrade.obs.stack.StackEndpoints;
import com.peaktrade.obs.stack.UserEnvironment;
import java.util.List;
import java.util.Map;

/**
 * The engine for one troubleshooting command, connected on first use (a command given only URLs
 * never needs Docker); closing it closes the connection if one was made.
 */
final class DebugSession implements AutoCloseable {
    private final Map<String, String> env = UserEnvironment.load();
    private DockerEngine engine;

    Map<String, String> env() {
        return env;
    }

    /** Connects (exit 3 with the reasons when no engine answers). */
    DockerEngine engine() {
        if (engine == null) {
            engine = DockerEngine.connect(env);
        }
        return engine;
    }

    ComposeEngine compose() {
        return new ComposeEngine(engine());
    }

    /**
     * URLs of the stack's services: only the given ones when URLs were given without -p/--stack;
     * else the selected project's published ports, explicit URLs overriding per service.
     */
    StackEndpoints endpoints(ProjectOption project, StackEndpoints.Explicit explicit) {
        if (explicit.any() && !project.given()) {
            return StackEndpoints.urlsOnly(explicit);
        }
        ComposeEngine compose = compose();
        ProjectOption.Selection selection = project.select(compose);
        List<ContainerStatus> containers = compose.ps(selection.project());
        return StackEndpoints.of(explicit, selection.project(), selection.stack(),
                new EngineRunningProject(compose, selection.project()), containers);
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
