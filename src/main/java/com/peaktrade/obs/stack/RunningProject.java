package com.peaktrade.obs.stack;

import java.util.Map;
import java.util.Optional;

/** What target resolution needs to know about a running project (implemented on the engine; faked in tests). */
public interface RunningProject {
    /** The host address:port published for a service's container port, e.g. "127.0.0.1:9092". */
    Optional<String> published(String service, int containerPort);

    /** A service container's environment (from its config). */
    Map<String, String> environment(String service);

    /**
     * Why the project publishes no port for a service, when it can tell, e.g. "container
     * p-grafana-1 is exited (exit code 137)" or "project p has no grafana container".
     */
    default Optional<String> absence(String service, int containerPort) {
        return Optional.empty();
    }

    RunningProject NONE = new RunningProject() {
        @Override
        public Optional<String> published(String service, int containerPort) {
            return Optional.empty();
        }

        @Override
        public Map<String, String> environment(String service) {
            return Map.of();
        }
    };
}
