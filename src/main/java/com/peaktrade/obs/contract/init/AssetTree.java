package com.peaktrade.obs.contract.init;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.peaktrade.obs.error.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The observability files of any directory tree, recognised by what they contain, not where they
 * are: Grafana datasource provisioning and dashboard providers, dashboard JSON, Prometheus scrape
 * configs and compose files. Files that are none of these, or do not parse, are passed over.
 */
final class AssetTree {
    /** What a file is. */
    enum Kind {
        DATASOURCES, DASHBOARD_PROVIDERS, DASHBOARD, SCRAPE_CONFIG, COMPOSE
    }

    /** One recognised file and its parsed content (for a dashboard: the dashboard object). */
    record Found(Kind kind, Path file, JsonNode content) {
    }

    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final int MAX_DEPTH = 16;
    /** Build output, dependencies and test fixtures: full of look-alikes that are not the team's assets. */
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "target", "build", "dist", "venv", "__pycache__",
            "test", "tests", "testdata", "fixtures", "__tests__");
    /** Our own layout: only these hold assets. */
    private static final List<String> OUR_LAYOUT = List.of("compose", "prometheus", "grafana");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);

    private AssetTree() {
    }

    static List<Found> scan(Path root) {
        if (!Files.isDirectory(root)) {
            throw new ConfigException("--from-assets " + root + ": not a directory",
                    "give the directory that holds your compose files, Prometheus config and Grafana provisioning");
        }
        List<Found> found = new ArrayList<>();
        if (OUR_LAYOUT.stream().allMatch(dir -> Files.isDirectory(root.resolve(dir)))) {
            OUR_LAYOUT.forEach(dir -> walk(root.resolve(dir), found));
        } else {
            walk(root, found);
        }
        found.sort((a, b) -> a.file().toString().compareTo(b.file().toString()));
        return found;
    }

    private static void walk(Path root, List<Found> found) {
        try {
            Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED_DIRS.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && attrs.size() <= MAX_BYTES) {
                        classify(file).ifPresent(found::add);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Found> classify(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".json")) {
                JsonNode node = JSON.readTree(file.toFile());
                JsonNode dashboard = node != null && node.has("dashboard") && node.get("dashboard").isObject()
                        ? node.get("dashboard") : node;
                return isDashboard(dashboard) ? Optional.of(new Found(Kind.DASHBOARD, file, dashboard))
                        : Optional.empty();
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                JsonNode node = YAML.readTree(file.toFile());
                return kindOf(node).map(kind -> new Found(kind, file, node));
            }
        } catch (IOException | RuntimeException e) {
            // not ours to judge: a file that does not parse is simply not one of the assets
        }
        return Optional.empty();
    }

    private static boolean isDashboard(JsonNode node) {
        return node != null && node.isObject() && node.has("title")
                && (node.path("panels").isArray() || node.path("rows").isArray() || node.path("templating").isObject());
    }

    private static Optional<Kind> kindOf(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        if (node.path("datasources").isArray() && allObjectsWith(node.get("datasources"), "name")) {
            return Optional.of(Kind.DATASOURCES);
        }
        if (node.path("providers").isArray() && allObjectsWith(node.get("providers"), "options")) {
            return Optional.of(Kind.DASHBOARD_PROVIDERS);
        }
        if (node.path("scrape_configs").isArray() && allObjectsWith(node.get("scrape_configs"), "job_name")) {
            return Optional.of(Kind.SCRAPE_CONFIG);
        }
        JsonNode services = node.path("services");
        if (services.isObject() && !services.isEmpty() && !node.has("kind") && isEveryValueAMapping(services)) {
            return Optional.of(Kind.COMPOSE);
        }
        return Optional.empty();
    }

    private static boolean allObjectsWith(JsonNode array, String field) {
        for (JsonNode item : array) {
            if (!item.isObject() || !item.has(field)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEveryValueAMapping(JsonNode services) {
        for (JsonNode service : services) {
            if (!service.isObject() && !service.isNull()) {
                return false;
            }
        }
        return true;
    }
}
