package com.peaktrade.obs.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes compose files into a temp project directory and loads them with a fixed environment. */
final class ComposeFixture {
    private final Path dir;
    private final Map<String, String> environment = new HashMap<>(Map.of("HOME", "/home/tester"));

    ComposeFixture(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    ComposeFixture env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    Path write(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LoadResult load(String... files) {
        return loadWith(null, null, files);
    }

    LoadResult loadWith(String projectName, Path envFile, String... files) {
        List<Path> paths = Arrays.stream(files).map(dir::resolve).toList();
        return new ComposeLoader().load(new LoadRequest(paths, projectName, environment, envFile));
    }

    /** Writes one compose.yaml and loads it. */
    ComposeProject project(String yaml) {
        write("compose.yaml", yaml);
        return load("compose.yaml").project();
    }

    ServiceSpec service(String yaml, String name) {
        return project(yaml).service(name);
    }
}
