package com.peaktrade.obs.lint;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.error.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files lint reads, found in an assets directory (either layout) or named one by one; nothing
 * is parsed here. A named input that does not exist is a ConfigException (exit 2); a directory that
 * cannot be listed is a broken input.
 *
 * @param base           the assets directory, null when only parts are named
 * @param composeGroups  one compose project per group, in -f order
 * @param dashboardsRoot grafana/dashboards, whose subdirectories are folders; null without grafana
 */
record LintInputs(Path base, List<List<Path>> composeGroups, List<Path> prometheusFiles, Path grafanaDir,
        List<Path> datasourceFiles, List<Path> providerFiles, Path dashboardsRoot, List<Path> dashboardFiles) {

    static LintInputs find(LintRequest request, Path base, Findings out) {
        List<List<Path>> composeGroups = new ArrayList<>();
        List<Path> prometheusFiles = new ArrayList<>();
        Path grafanaDir = null;
        if (request.explicitParts()) {
            request.composeFiles().forEach(f -> existingFile(f, "--compose"));
            request.prometheusFiles().forEach(f -> existingFile(f, "--prometheus"));
            if (!request.composeFiles().isEmpty()) {
                composeGroups.add(request.composeFiles().stream().map(p -> p.toAbsolutePath().normalize()).toList());
            }
            request.prometheusFiles().forEach(f -> prometheusFiles.add(f.toAbsolutePath().normalize()));
            grafanaDir = request.grafanaDir() == null ? null : existingDir(request.grafanaDir(), "--grafana-dir");
        }
        if (base != null) {
            if (composeGroups.isEmpty()) {
                composeGroups.addAll(composeGroups(base, request.contract(), out));
            }
            if (prometheusFiles.isEmpty()) {
                prometheusFiles.addAll(list(base.resolve("prometheus"), 1, ".yml", ".yaml", out));
            }
            if (grafanaDir == null && Files.isDirectory(base.resolve("grafana"))) {
                grafanaDir = base.resolve("grafana");
            }
        }
        if (grafanaDir == null) {
            return new LintInputs(base, composeGroups, prometheusFiles, null, List.of(), List.of(), null, List.of());
        }
        Path dashboardsRoot = grafanaDir.resolve("dashboards");
        return new LintInputs(base, composeGroups, prometheusFiles, grafanaDir,
                list(grafanaDir.resolve("provisioning/datasources"), 1, ".yml", ".yaml", out),
                list(grafanaDir.resolve("provisioning/dashboards"), 1, ".yml", ".yaml", out),
                dashboardsRoot, list(dashboardsRoot, 8, ".json", ".json", out));
    }

    /** The file inputs that are missing, each with why (compose is known only once it loads). */
    Map<Input, String> missingFiles() {
        Map<Input, String> missing = new EnumMap<>(Input.class);
        whenEmpty(missing, Input.PROMETHEUS, prometheusFiles);
        whenEmpty(missing, Input.DATASOURCES, datasourceFiles);
        whenEmpty(missing, Input.PROVIDERS, providerFiles);
        whenEmpty(missing, Input.DASHBOARDS, dashboardFiles);
        if (grafanaDir == null) {
            missing.put(Input.GRAFANA, "no " + Input.GRAFANA.description());
        }
        return missing;
    }

    static void whenEmpty(Map<Input, String> missing, Input input, List<?> entries) {
        if (entries.isEmpty()) {
            missing.putIfAbsent(input, "no " + input.description());
        }
    }

    /** Its folder as foldersFromFilesStructure makes it: the parent directory's name, General at the root. */
    String folderOf(Path dashboard) {
        Path parent = dashboard.getParent();
        return parent.equals(dashboardsRoot) ? "General" : parent.getFileName().toString();
    }

    String grafanaNote(Findings out) {
        if (grafanaDir == null) {
            return "grafana: none in the inputs";
        }
        return "grafana: " + datasourceFiles.size() + " datasource file(s), " + providerFiles.size()
                + " provider file(s), " + dashboardFiles.size() + " dashboard(s) under " + out.show(grafanaDir);
    }

    static List<Path> stackFiles(Contract contract, StackDefinition stack, Path assetsDir) {
        return stack.compose().stream().map(f -> contract.origin().resolve(f, assetsDir).toAbsolutePath().normalize())
                .toList();
    }

    /** One group per stack of the contract whose files are all in compose/; else every file as one group. */
    private static List<List<Path>> composeGroups(Path base, Contract contract, Findings out) {
        Path dir = base.resolve("compose").toAbsolutePath().normalize();
        List<Path> all = list(dir, 1, ".yml", ".yaml", out);
        if (all.isEmpty()) {
            return List.of();
        }
        List<List<Path>> groups = new ArrayList<>();
        for (StackDefinition stack : contract.stacks().entries()) {
            List<Path> files = stackFiles(contract, stack, base);
            if (!files.isEmpty() && all.containsAll(files)) {
                groups.add(files);
            }
        }
        if (groups.isEmpty()) {
            groups.add(all);
        }
        return groups;
    }

    private static List<Path> list(Path dir, int depth, String ext1, String ext2, Findings out) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            out.broken(dir, 0, "should be a directory");
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            return walk.filter(p -> !Files.isDirectory(p))
                    .filter(p -> p.getFileName().toString().endsWith(ext1) || p.getFileName().toString().endsWith(ext2))
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException | UncheckedIOException e) {
            out.broken(dir, 0, "cannot list the directory: " + e.getMessage());
            return List.of();
        }
    }

    static Path existingDir(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(option + " " + dir + (Files.exists(dir) ? " is not a directory" : " does not exist"),
                    "point it at an existing directory");
        }
        return dir.toAbsolutePath().normalize();
    }

    private static void existingFile(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(option + " " + file + (Files.exists(file) ? " is not a regular file" : " does not exist"),
                    "point it at an existing file");
        }
    }
}
