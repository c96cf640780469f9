package com.peaktrade.obs.stack;

import java.util.Map;
import java.util.Optional;

/** What target resolution needs to know about a running project (implemented on the engine; faked in tests). */
public interface RunningProject {
    /** The host address:port published for a service's container port, e.g. "127.0.0.1:9092". */
    Optional<String> published(String service, int containerPort);

    /** A service container's environment (from its config). */
    Map<String, String> environment(String service);

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
