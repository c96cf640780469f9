package com.peaktrade.obs.lint;

import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.ObsException;
import com.peaktrade.obs.stack.AssetLocator;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.LintPolicy;
import com.peaktrade.obs.contract.StackDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs every rule over the inputs and judges them against the contract; returns what it found and
 * never prints. A rule whose declared inputs ({@link Rule#needs()}) are missing is SKIPped naming
 * the first one; broken files are collected, not thrown. Only a usage error (a named input that
 * does not exist) is a ConfigException.
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
                composeGroups.addAll(composeGroups(base, request.contract(), out));
            }
            if (prometheusFiles.isEmpty()) {
                prometheusFiles.addAll(list(base.resolve("prometheus"), 1, ".yml", ".yaml", out));
            }
            if (grafanaDir == null && Files.isDirectory(base.resolve("grafana"))) {
                grafanaDir = base.resolve("grafana");
            }
        }

        Contract contract = request.contract();
        notes.add("contract: " + contract.origin().describe());
        Map<Input, String> missing = new EnumMap<>(Input.class);

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
            missing.put(Input.COMPOSE_FILES, composeGroups.isEmpty() ? "no compose files in the inputs"
                    : "the compose files do not load");
            if (composeGroups.isEmpty() && request.referenceStack()) {
                stack = referenceStack(cwd, request, notes).orElse(null);
            }
        }
        if (stack == null) {
            missing.put(Input.STACK, "no compose files to know the stack's services and ports");
        }

        PrometheusLint prometheus = new PrometheusLint(out, stack);
        prometheusFiles.forEach(prometheus::lint);
        if (prometheusFiles.isEmpty()) {
            missing.put(Input.PROMETHEUS, "no Prometheus configuration files");
        } else {
            out.skip(Rules.PROMETHEUS_RULEFILES_NOMATCH, "no rule_files in the Prometheus configuration");
        }
        notes.add("prometheus: " + prometheusFiles.stream().map(out::show).toList());

        ProvisioningLint provisioning = new ProvisioningLint(out, stack);
        List<Path> dashboardFiles = List.of();
        Path dashboardsRoot = null;
        List<Path> dsFiles = List.of();
        List<Path> providerFiles = List.of();
        if (grafanaDir != null) {
            dsFiles = list(grafanaDir.resolve("provisioning/datasources"), 1, ".yml", ".yaml", out);
            providerFiles = list(grafanaDir.resolve("provisioning/dashboards"), 1, ".yml", ".yaml", out);
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
        missingWhenEmpty(missing, Input.DATASOURCES, dsFiles);
        missingWhenEmpty(missing, Input.PROVIDERS, providerFiles);
        missingWhenEmpty(missing, Input.DASHBOARDS, dashboardFiles);
        missingWhenEmpty(missing, Input.CONTRACT_EXPORTERS, contract.exporters().entries());
        missingWhenEmpty(missing, Input.CONTRACT_DATASOURCES, contract.grafana().datasources().entries());
        missingWhenEmpty(missing, Input.CONTRACT_DATASOURCE_VARIABLES, contract.grafana().datasourceVariables().entries());
        missingWhenEmpty(missing, Input.CONTRACT_DASHBOARDS, contract.grafana().dashboards().entries());
        missingWhenEmpty(missing, Input.CONTRACT_QUERIES, contract.prometheus().queries().entries());

        Set<String> contractJobs = new LinkedHashSet<>();
        contract.prometheus().jobs().entries().forEach(j -> contractJobs.add(j.name()));
        QueryLint queries = new QueryLint(out, new ContractSeries(contract), prometheus.jobs, !prometheusFiles.isEmpty(),
                contractJobs, prometheus.scrapeIntervalMs);
        DashboardLint dashboards = new DashboardLint(out, queries, provisioning.datasourceIds, contract.grafana());
        for (Path file : dashboardFiles) {
            Path parent = file.getParent();
            String folder = parent.equals(dashboardsRoot) ? "General" : parent.getFileName().toString();
            dashboards.read(file, folder);
        }
        dashboards.lintAll();
        ContractLint against = new ContractLint(out, contract);
        against.dashboards(dashboards.uids());
        against.goldenQueries(queries);
        against.datasourceVariables(provisioning.datasourceIds);
        return result(out, notes, missing, new ContractPolicy(contract.lint(), base != null ? base : cwd,
                contract.origin().directory()));
    }

    private static void missingWhenEmpty(Map<Input, String> missing, Input input, List<?> entries) {
        if (entries.isEmpty()) {
            missing.putIfAbsent(input, "no " + input.description());
        }
    }

    /**
     * Rules switched off by the contract, then rules whose inputs are missing, are reported as not
     * run (the first missing input named); findings the contract ignores are set apart with its reason.
     */
    private static LintResult result(Findings out, List<String> notes, Map<Input, String> missing, ContractPolicy policy) {
        Map<String, Severity> severities = new HashMap<>();
        Set<String> off = new HashSet<>();
        for (Rule rule : Rules.all()) {
            Optional<LintPolicy.RuleOff> ruleOff = policy.off(rule);
            if (ruleOff.isPresent()) {
                off.add(rule.id());
                out.notRun(rule, "off in the contract (" + ruleOff.get().where() + ")");
                continue;
            }
            rule.needs().stream().filter(missing::containsKey).min(Comparator.naturalOrder())
                    .ifPresent(input -> out.notRun(rule, missing.get(input)));
            policy.severity(rule).filter(s -> s != rule.severity()).ifPresent(s -> severities.put(rule.id(), s));
        }
        List<Finding> kept = new ArrayList<>();
        List<LintResult.Ignored> ignored = new ArrayList<>();
        for (Finding f : out.findings()) {
            if (off.contains(f.rule().id())) {
                continue;
            }
            Optional<LintPolicy.Ignore> ignore = policy.ignoring(f);
            if (ignore.isPresent()) {
                ignored.add(new LintResult.Ignored(f, ignore.get().reason(), ignore.get().where().toString()));
            } else {
                kept.add(f);
            }
        }
        if (!ignored.isEmpty()) {
            notes.add(ignored.size() + " finding(s) ignored by the contract's lint policy");
        }
        return new LintResult(kept, out.brokenInputs(), out.skipped(), out.checked(), notes, ignored, severities);
    }

    /** The contract's stack with the most compose files (the superset of services), loaded as context only. */
    private static Optional<StackModel> referenceStack(Path cwd, LintRequest request, List<String> notes) {
        try {
            AssetLocator.Assets assets = AssetLocator.locate(null, cwd, request.environment());
            Optional<List<Path>> files = request.contract().stacks().entries().stream()
                    .map(s -> stackFiles(request.contract(), s, assets.dir()))
                    .filter(f -> f.stream().allMatch(Files::isRegularFile))
                    .max(Comparator.comparingInt(List::size));
            if (files.isEmpty()) {
                notes.add("no compose files in the inputs and no stack of the contract has its compose files in "
                        + assets.dir());
                return Optional.empty();
            }
            Findings scratch = new Findings(assets.dir());
            Optional<ComposeProject> project = ComposeLint.load(files.get(), scratch);
            project.ifPresent(p -> notes.add("no compose files in the inputs: addresses and mounts are judged against the "
                    + "default stack (" + assets.source() + ")"));
            return project.map(p -> StackModel.of(List.of(p), assets.source(), true));
        } catch (ObsException e) {
            notes.add("no compose files in the inputs and the default stack is unavailable: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Path> stackFiles(Contract contract, StackDefinition stack, Path assetsDir) {
        return stack.compose().stream().map(f -> contract.origin().resolve(f, assetsDir).toAbsolutePath().normalize())
                .toList();
    }

    /** One group per stack of the contract whose files are all in {@code dir}; else every file as one group. */
    private static List<List<Path>> composeGroups(Path base, Contract contract, Findings out) {
        Path dir = base.resolve("compose").toAbsolutePath().normalize();
        List<Path> all = list(dir, 1, ".yml", ".yaml", out);
        if (all.isEmpty()) {
            return List.of();
        }
        List<List<Path>> groups = new ArrayList<>();
        for (StackDefinition stack : contract.stacks().entries()) {
            List<Path> files = stackFiles(contract, stack, base);
            if (!files.isEmpty() && files.stream().allMatch(f -> all.contains(f))) {
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
