package com.peaktrade.obs.compose;

import java.nio.file.Path;
import java.util.Map;

/** How a model's host paths resolve: relative ones start at its directory, {@code ~} is HOME; always absolute and clean. */
record HostPaths(Path base, String home) {

    static HostPaths of(Path base, Map<String, String> variables) {
        return new HostPaths(base, variables.getOrDefault("HOME", System.getProperty("user.home")));
    }

    Path resolve(String path) {
        String expanded = path.equals("~") ? home : path.startsWith("~/") ? home + path.substring(1) : path;
        return base.resolve(expanded).normalize();
    }
}
