package com.peaktrade.obs.compose;

import com.peaktrade.obs.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads compose files the way docker compose does, in separate pure steps: parse each file,
 * interpolate its values, canonicalise it to long syntax (importing its {@code include:}s), merge
 * all files in {@code -f} order, then resolve paths and names into a validated {@link ComposeProject}.
 * Same files and same environment give the same project; nothing here touches Docker or the network.
 */
public final class ComposeLoader {

    public LoadResult load(LoadRequest request) {
        if (request.files().isEmpty()) {
            throw new ConfigException("no compose file given", "pass one or more -f FILE");
        }
        List<Path> configFiles = request.files().stream().map(f -> f.toAbsolutePath().normalize()).toList();
        Path projectDir = configFiles.get(0).getParent();
        Map<String, String> variables = variables(request, projectDir);
        Set<String> warnings = new LinkedHashSet<>();
        List<RawFile> documents = new ArrayList<>();
        List<String> displayNames = request.files().stream().map(Path::toString).toList();
        List<CanonicalDocument> canonical = new ModelReader(warnings, documents)
                .read(configFiles, displayNames, projectDir, variables, List.of());
        Map<String, Object> merged = Merger.merge(canonical);
        ProjectBuilder builder = new ProjectBuilder(documents, variables, projectDir, warnings::add);
        ComposeProject project = builder.build(merged, projectName(request.projectName(), variables, merged, projectDir),
                configFiles);
        project.startOrder();
        return new LoadResult(project, List.copyOf(warnings));
    }

    /** The OS environment, with the env file filling only unset keys (the shell wins). */
    private static Map<String, String> variables(LoadRequest request, Path projectDir) {
        Map<String, String> variables = new HashMap<>(request.environment());
        Path envFile = request.envFile();
        if (envFile != null && !Files.isRegularFile(envFile)) {
            throw new ConfigException("env file not found: " + envFile, "check the --env-file path");
        }
        if (envFile == null && !"true".equalsIgnoreCase(variables.get("COMPOSE_DISABLE_ENV_FILE"))) {
            Path dotEnv = projectDir.resolve(".env");
            envFile = Files.isRegularFile(dotEnv) ? dotEnv : null;
        }
        if (envFile != null) {
            DotEnv.read(envFile, request.environment()::get).forEach(variables::putIfAbsent);
        }
        return Map.copyOf(variables);
    }

    /** -p, else COMPOSE_PROJECT_NAME, else the top-level name:, else the first file's directory name. */
    static String projectName(String explicit, Map<String, String> variables, Map<String, Object> merged, Path projectDir) {
        String name = explicit;
        if (name == null || name.isEmpty()) {
            name = variables.get("COMPOSE_PROJECT_NAME");
        }
        if (name == null || name.isEmpty()) {
            name = (String) merged.get("name");
        }
        if (name != null && !name.isEmpty()) {
            if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
                throw new ConfigException("invalid project name \"" + name + "\": must consist only of lowercase alphanumeric "
                        + "characters, hyphens, and underscores as well as start with a letter or number");
            }
            return name;
        }
        Path dir = projectDir.getFileName();
        String normalized = (dir == null ? "" : dir.toString()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_-]", "")
                .replaceFirst("^[_-]+", "");
        if (normalized.isEmpty()) {
            throw new ConfigException("cannot derive a project name from the directory " + projectDir,
                    "pass -p NAME or set name: in the compose file");
        }
        return normalized;
    }
}
