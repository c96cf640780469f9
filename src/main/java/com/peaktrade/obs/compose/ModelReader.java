package com.peaktrade.obs.compose;

import com.peaktrade.obs.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the files of one compose model in {@code -f} order into canonical documents: parse,
 * interpolate with the model's variables, canonicalise, then import what its {@code include:}
 * section names. The project is one model; each include is another, read the same way with its
 * own directory and variables (compose-go loader/include.go), its paths made absolute before import.
 */
final class ModelReader {
    private static final String INCLUDE = "include";
    /** What an include imports; a name defined on both sides must be defined the same. */
    private static final List<String> IMPORTED = List.of("services", "volumes", "networks", "configs");

    private final Set<String> warnings;
    private final List<RawFile> documents;

    /**
     * @param warnings  receives every warning, each once
     * @param documents receives every interpolated document read, for errors that point at a file and line
     */
    ModelReader(Set<String> warnings, List<RawFile> documents) {
        this.warnings = warnings;
        this.documents = documents;
    }

    /**
     * @param workingDir where relative include paths start (the model's project directory)
     * @param variables  shell, then env file; null means unset
     * @param chain      the files that include this model, for cycle detection
     */
    List<CanonicalDocument> read(List<Path> files, List<String> displayNames, Path workingDir, Map<String, String> variables,
            List<Path> chain) {
        Interpolator interpolator = new Interpolator(variables::get, name -> warnings.add(Interpolator.unsetWarning(name)));
        List<CanonicalDocument> canonical = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            List<Path> fileChain = new ArrayList<>(chain);
            fileChain.add(files.get(i));
            for (RawFile document : YamlReader.read(files.get(i), displayNames.get(i))) {
                RawFile interpolated = interpolator.interpolate(document);
                documents.add(interpolated);
                Map<String, Object> root = new LinkedHashMap<>(interpolated.root());
                Object include = root.remove(INCLUDE);
                List<String> fileWarnings = new ArrayList<>();
                CanonicalDocument doc = Canonicalizer.canonicalize(interpolated.withRoot(root), fileWarnings, variables::get);
                warnings.addAll(fileWarnings);
                if (include != null) {
                    doc = new CanonicalDocument(withIncludes(doc.root(), include, interpolated, workingDir, variables, fileChain),
                            doc.replaced());
                }
                canonical.add(doc);
            }
        }
        return canonical;
    }

    private Map<String, Object> withIncludes(Map<String, Object> root, Object include, RawFile raw, Path workingDir,
            Map<String, String> variables, List<Path> chain) {
        if (!(include instanceof List<?> entries)) {
            throw raw.error(INCLUDE, "include must be a list, not " + RawTypes.describe(include));
        }
        Map<String, Object> result = new LinkedHashMap<>(root);
        for (int i = 0; i < entries.size(); i++) {
            IncludeEntry entry = IncludeEntry.parse(entries.get(i), RawFile.Paths.index(INCLUDE, i), raw, workingDir, warnings);
            importInto(result, load(entry, raw, variables, chain), raw);
        }
        return result;
    }

    /** The included model, merged, with its paths absolute. */
    private Map<String, Object> load(IncludeEntry entry, RawFile raw, Map<String, String> variables, List<Path> chain) {
        if (chain.contains(entry.files().get(0))) {
            List<Path> cycle = new ArrayList<>(chain);
            cycle.add(entry.files().get(0));
            throw new ConfigException("include cycle detected:\n" + cycle.get(0) + "\n include "
                    + cycle.subList(1, cycle.size()).stream().map(Path::toString).collect(Collectors.joining("\n include ")));
        }
        for (Path file : entry.files()) {
            if (!Files.isRegularFile(file)) {
                throw raw.error(entry.node(), "included compose file not found: " + file);
            }
        }
        Map<String, String> included = new HashMap<>(variables);
        Map<String, String> fromFiles = new HashMap<>();
        for (Path envFile : entry.envFiles()) {
            if (!Files.isRegularFile(envFile)) {
                throw raw.error(entry.node(), "include env_file " + envFile + " not found");
            }
            fromFiles.putAll(DotEnv.read(envFile, variables::get));
        }
        fromFiles.forEach(included::putIfAbsent);
        List<String> names = entry.files().stream().map(Path::toString).toList();
        Map<String, Object> merged = Merger.merge(read(entry.files(), names, entry.projectDirectory(), Map.copyOf(included),
                chain));
        return withAbsolutePaths(merged, HostPaths.of(entry.projectDirectory(), included));
    }

    /** Bind sources, env_file paths and config files of an included model, resolved against its own directory. */
    private static Map<String, Object> withAbsolutePaths(Map<String, Object> model, HostPaths paths) {
        Map<String, Object> result = new LinkedHashMap<>(model);
        if (model.get("services") instanceof Map<?, ?> services) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            RawTypes.asMap(services).forEach((name, service) -> {
                Map<String, Object> copy = new LinkedHashMap<>(RawTypes.asMap(service));
                copy.computeIfPresent("volumes", (key, volumes) -> RawTypes.asList(volumes).stream()
                        .map(v -> ((VolumeSpec) v).isBind() ? ((VolumeSpec) v).withSource(paths.resolve(((VolumeSpec) v).source())
                                .toString()) : v)
                        .toList());
                copy.computeIfPresent("env_file", (key, refs) -> RawTypes.asList(refs).stream()
                        .map(r -> new EnvFileRef(paths.resolve(((EnvFileRef) r).path()).toString(), ((EnvFileRef) r).required()))
                        .toList());
                resolved.put(name, copy);
            });
            result.put("services", resolved);
        }
        if (model.get("configs") instanceof Map<?, ?> configs) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            RawTypes.asMap(configs).forEach((key, config) -> {
                Map<String, Object> copy = new LinkedHashMap<>(RawTypes.asMap(config));
                copy.computeIfPresent("file", (k, file) -> paths.resolve((String) file).toString());
                resolved.put(key, copy);
            });
            result.put("configs", resolved);
        }
        return result;
    }

    /** Adds the included model's services, volumes, networks and configs; a different definition of the same name is an error. */
    private static void importInto(Map<String, Object> root, Map<String, Object> imported, RawFile raw) {
        for (String section : IMPORTED) {
            if (!(imported.get(section) instanceof Map<?, ?> importedSection)) {
                continue;
            }
            Map<String, Object> target = root.get(section) instanceof Map<?, ?> existing
                    ? new LinkedHashMap<>(RawTypes.asMap(existing)) : new LinkedHashMap<>();
            RawTypes.asMap(importedSection).forEach((name, definition) -> {
                Object own = target.putIfAbsent(name, definition);
                if (own != null && !own.equals(definition)) {
                    throw raw.error(INCLUDE, section + "." + name + " conflicts with imported resource");
                }
            });
            root.put(section, target);
        }
    }
}
