package com.peaktrade.obs.lint;

import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.ObsException;
import com.peaktrade.obs.stack.AssetLocator;
import com.peaktrade.obs.stack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs every rule over the inputs and returns what it found; never prints. Missing parts (no
 * compose/, no dashboards) make their rules SKIP with a reason; broken files are collected, not
 * thrown. Only a usage error (a named input that does not exist) is a ConfigException.
 */
public final class Linter {

    public LintResult lint(LintRequest request) {
        Path cwd = request.workingDir().toAbsolutePath().normalize();
        List<String> notes = new ArrayList<>();
        Path base;
        if (request.assetsDir() != null) {
            base = existingDir(request.assetsDir(), "--assets-dir");
        } else if (request.explicitParts()) {
            base = null;
        } else {
            AssetLocator.Assets assets = AssetLocator.locate(null, cwd, request.environment());
            base = assets.dir();
            notes.add("assets: " + assets.source() + " (" + base + ")");
        }
        Findings out = new Findings(base != null ? base : cwd);

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
                composeGroups.addAll(composeGroups(base.resolve("compose"), out));
            }
            if (prometheusFiles.isEmpty()) {
                prometheusFiles.addAll(list(base.resolve("prometheus"), 1, ".yml", ".yaml", out));
            }
            if (grafanaDir == null && Files.isDirectory(base.resolve("grafana"))) {
                grafanaDir = base.resolve("grafana");
            }
        }

        // compose: lint the inputs' own, or borrow the default stack's as context only
        List<ComposeProject> projects = new ArrayList<>();
        ComposeLint composeLint = new ComposeLint(out);
        for (List<Path> group : composeGroups) {
            ComposeLint.load(group, out).ifPresent(p -> {
                projects.add(p);
                composeLint.lint(p);
            });
        }
        StackModel stack = null;
        if (!projects.isEmpty()) {
            stack = StackModel.of(projects, "compose files", false);
            notes.add("compose: " + composeGroups.size() + " project(s) from " + composeGroups.stream()
                    .map(g -> g.stream().map(out::show).toList().toString()).toList());
        } else {
            skipCompose(out, composeGroups.isEmpty() ? "no compose files in the inputs" : "the compose files do not load");
            if (composeGroups.isEmpty() && request.referenceStack()) {
                stack = referenceStack(cwd, request, notes).orElse(null);
            }
        }

        PrometheusLint prometheus = new PrometheusLint(out, stack);
        prometheusFiles.forEach(prometheus::lint);
        if (prometheusFiles.isEmpty()) {
            for (Rule r : List.of(Rules.PROMETHEUS_JOB_DUPLICATE, Rules.PROMETHEUS_TARGET_LOCALHOST,
                    Rules.PROMETHEUS_TARGET_HOSTPORT, Rules.PROMETHEUS_TARGET_UNKNOWN_HOST, Rules.PROMETHEUS_RULEFILES_NOMATCH)) {
                out.skip(r, "no Prometheus configuration files");
            }
            out.skip(Rules.QUERY_UNKNOWN_JOB, "no Prometheus configuration files to know the jobs");
        } else {
            out.skip(Rules.PROMETHEUS_RULEFILES_NOMATCH, "no rule_files in the Prometheus configuration");
        }
        notes.add("prometheus: " + prometheusFiles.stream().map(out::show).toList());

        ProvisioningLint provisioning = new ProvisioningLint(out, stack);
        List<Path> dashboardFiles = List.of();
        Path dashboardsRoot = null;
        if (grafanaDir != null) {
            Path datasources = grafanaDir.resolve("provisioning/datasources");
            Path providers = grafanaDir.resolve("provisioning/dashboards");
            List<Path> dsFiles = list(datasources, 1, ".yml", ".yaml", out);
            List<Path> providerFiles = list(providers, 1, ".yml", ".yaml", out);
            dsFiles.forEach(provisioning::datasourceFile);
            providerFiles.forEach(provisioning::providerFile);
            dashboardsRoot = grafanaDir.resolve("dashboards");
            dashboardFiles = list(dashboardsRoot, 8, ".json", ".json", out);
            notes.add("grafana: " + dsFiles.size() + " datasource file(s), " + providerFiles.size()
                    + " provider file(s), " + dashboardFiles.size() + " dashboard(s) under " + out.show(grafanaDir));
        } else {
            notes.add("grafana: none in the inputs");
        }
        provisioning.finishDatasources();
        for (Rule r : List.of(Rules.PROVIDER_FOLDER_IGNORED, Rules.PROVIDER_FOLDER_CONFLICT, Rules.PROVIDER_PATH_UNMOUNTED)) {
            out.skip(r, "no dashboard provider files");
        }

        QueryLint queries = new QueryLint(out, prometheus.jobs, !prometheusFiles.isEmpty(),
                prometheus.scrapeIntervalMs);
        if (prometheusFiles.isEmpty()) {
            out.skip(Rules.QUERY_RATE_WINDOW_SHORT, "no Prometheus configuration files to know the scrape interval");
        }
        DashboardLint dashboards = new DashboardLint(out, queries, provisioning.datasourceIds);
        for (Path file : dashboardFiles) {
            Path parent = file.getParent();
            String folder = parent.equals(dashboardsRoot) ? "General" : parent.getFileName().toString();
            dashboards.read(file, folder);
        }
        dashboards.lintAll();
        return new LintResult(out.findings(), out.brokenInputs(), out.skipped(), out.checked(), notes);
    }

    private static void skipCompose(Findings out, String why) {
        for (Rule r : List.of(Rules.COMPOSE_IMAGE_UNPINNED, Rules.COMPOSE_PORT_PUBLIC, Rules.COMPOSE_BIND_MISSING,
                Rules.COMPOSE_MOUNT_WRITABLE, Rules.COMPOSE_SECRET_LITERAL, Rules.COMPOSE_PRIVILEGED)) {
            out.skip(r, why);
        }
    }

    /** The default stack's compose files (shadow: the superset of services), loaded as context only. */
    private static Optional<StackModel> referenceStack(Path cwd, LintRequest request, List<String> notes) {
        try {
            AssetLocator.Assets assets = AssetLocator.locate(null, cwd, request.environment());
            List<Path> files = Stack.SHADOW.composeFiles().stream().map(f -> assets.dir().resolve("compose").resolve(f)).toList();
            Findings scratch = new Findings(assets.dir());
            Optional<ComposeProject> project = ComposeLint.load(files, scratch);
            project.ifPresent(p -> notes.add("no compose files in the inputs: addresses and mounts are judged against the "
                    + "default shadow stack (" + assets.source() + ")"));
            return project.map(p -> StackModel.of(List.of(p), assets.source(), true));
        } catch (ObsException e) {
            notes.add("no compose files in the inputs and the default stack is unavailable: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** One group per stack whose files are all there (shadow, grafana); else every file as one group. */
    private static List<List<Path>> composeGroups(Path dir, Findings out) {
        List<Path> all = list(dir, 1, ".yml", ".yaml", out);
        if (all.isEmpty()) {
            return List.of();
        }
        List<List<Path>> groups = new ArrayList<>();
        for (Stack stack : Stack.values()) {
            List<Path> files = stack.composeFiles().stream().map(dir::resolve).toList();
            if (files.stream().allMatch(Files::isRegularFile)) {
                groups.add(files.stream().map(p -> p.toAbsolutePath().normalize()).toList());
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

    private static Path existingDir(Path dir, String option) {
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
