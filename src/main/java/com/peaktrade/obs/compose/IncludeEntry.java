package com.peaktrade.obs.compose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code include:} item: a path, or {@code {path, project_directory, env_file}} with path and
 * env_file a string or a list. Paths are relative to the including model's directory; the project
 * directory defaults to the first file's, the env file to its {@code .env} when that exists.
 *
 * @param node where the item is in its file, for errors
 */
record IncludeEntry(String node, List<Path> files, Path projectDirectory, List<Path> envFiles) {
    private static final Set<String> KEYS = Set.of("path", "project_directory", "env_file");

    IncludeEntry {
        files = List.copyOf(files);
        envFiles = List.copyOf(envFiles);
    }

    static IncludeEntry parse(Object item, String node, RawFile raw, Path workingDir, Set<String> warnings) {
        Map<String, Object> entry = item instanceof Map<?, ?> map ? RawTypes.asMap(map)
                : Map.of("path", item == null ? "" : item);
        entry.keySet().stream().filter(key -> !KEYS.contains(key) && !key.startsWith("x-")).forEach(key -> warnings.add(
                raw.warning(RawFile.Paths.key(node, key), node + ": key \"" + key + "\" is not supported and is ignored")));
        List<Path> files = paths(entry.get("path"), RawFile.Paths.key(node, "path"), raw, workingDir);
        if (files.isEmpty()) {
            throw raw.error(node, node + " needs a path");
        }
        Object directory = entry.get("project_directory");
        if (directory != null && !RawTypes.isScalar(directory)) {
            throw raw.error(RawFile.Paths.key(node, "project_directory"), node + ".project_directory must be a string");
        }
        Path projectDirectory = directory == null ? files.get(0).getParent()
                : workingDir.resolve(directory.toString()).normalize();
        List<Path> envFiles;
        if (entry.get("env_file") == null) {
            Path dotEnv = projectDirectory.resolve(".env");
            envFiles = Files.isRegularFile(dotEnv) ? List.of(dotEnv) : List.of();
        } else {
            envFiles = paths(entry.get("env_file"), RawFile.Paths.key(node, "env_file"), raw, workingDir).stream()
                    .filter(f -> !f.equals(Path.of("/dev/null"))).toList();
        }
        return new IncludeEntry(node, files, projectDirectory, envFiles);
    }

    private static List<Path> paths(Object value, String node, RawFile raw, Path workingDir) {
        List<?> items = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        List<Path> paths = new ArrayList<>();
        for (Object item : items) {
            if (!RawTypes.isScalar(item) || item.toString().isEmpty()) {
                throw raw.error(node, node + " must be a path or a list of paths, not " + RawTypes.describe(item));
            }
            paths.add(workingDir.resolve(item.toString()).normalize());
        }
        return paths;
    }
}
