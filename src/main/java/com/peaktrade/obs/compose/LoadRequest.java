package com.peaktrade.obs.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to load: compose files in {@code -f} order, an optional project name (else
 * COMPOSE_PROJECT_NAME, the top-level {@code name:}, or the first file's directory name), the OS
 * environment, and an optional env file replacing the default {@code <project dir>/.env}.
 */
public record LoadRequest(List<Path> files, String projectName, Map<String, String> environment, Path envFile) {
    public LoadRequest {
        files = List.copyOf(files);
        environment = Map.copyOf(environment);
    }

    public static LoadRequest of(Map<String, String> environment, Path... files) {
        return new LoadRequest(List.of(files), null, environment, null);
    }
}
