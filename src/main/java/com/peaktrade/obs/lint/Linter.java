package com.peaktrade.obs.lint;

import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.LintPolicy;
import com.peaktrade.obs.error.ObsException;
import com.peaktrade.obs.stack.AssetLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        Path base = base(request, cwd, notes);
        Findings out = new Findings(base != null ? base : cwd);
        LintInputs in = LintInputs.find(request, base, out);
        Contract contract = request.contract();
        notes.add("contract: " + contract.origin().describe());
        Map<Input, String> missing = in.missingFiles();
        missingInContract(contract, missing);

        StackModel stack = compose(in, request, cwd, out, notes, missing);
        PrometheusLint prometheus = new PrometheusLint(out, stack);
        in.prometheusFiles().forEach(prometheus::lint);
        if (!in.prometheusFiles().isEmpty()) {
            out.skip(Rules.PROMETHEUS_RULEFILES_NOMATCH, "no rule_files in the Prometheus configuration");
        }
        notes.add("prometheus: " + in.prometheusFiles().stream().map(out::show).toList());

        ProvisioningLint provisioning = new ProvisioningLint(out, stack);
        in.datasourceFiles().forEach(provisioning::datasourceFile);
        in.providerFiles().forEach(provisioning::providerFile);
        provisioning.finishDatasources();
        notes.add(in.grafanaNote(out));

        Set<String> contractJobs = new LinkedHashSet<>();
        contract.prometheus().jobs().entries().forEach(j -> contractJobs.add(j.name()));
        QueryLint queries = new QueryLint(out, new ContractSeries(contract), prometheus.jobs,
                !in.prometheusFiles().isEmpty(), contractJobs, prometheus.scrapeIntervalMs);
        DashboardLint dashboards = new DashboardLint(out, queries, provisioning.datasourceIds, contract.grafana());
        in.dashboardFiles().forEach(file -> dashboards.read(file, in.folderOf(file)));
        dashboards.lintAll();

        ContractLint against = new ContractLint(out, contract);
        against.dashboards(dashboards.uids());
        against.goldenQueries(queries);
        against.datasourceVariables(provisioning.datasourceIds);
        return result(out, notes, missing, new ContractPolicy(contract.lint(), base != null ? base : cwd,
                contract.origin().directory()));
    }

    /** --assets-dir; none when only parts are named; else the assets `up` would use. */
    private static Path base(LintRequest request, Path cwd, List<String> notes) {
        if (request.assetsDir() != null) {
            return LintInputs.existingDir(request.assetsDir(), "--assets-dir");
        }
        if (request.explicitParts()) {
            return null;
        }
        AssetLocator.Assets assets = AssetLocator.locate(null, cwd, request.environment());
        notes.add("assets: " + assets.source() + " (" + assets.dir() + ")");
        return assets.dir();
    }

    private static void missingInContract(Contract contract, Map<Input, String> missing) {
        LintInputs.whenEmpty(missing, Input.CONTRACT_EXPORTERS, contract.exporters().entries());
        LintInputs.whenEmpty(missing, Input.CONTRACT_DATASOURCES, contract.grafana().datasources().entries());
        LintInputs.whenEmpty(missing, Input.CONTRACT_DATASOURCE_VARIABLES,
                contract.grafana().datasourceVariables().entries());
        LintInputs.whenEmpty(missing, Input.CONTRACT_DASHBOARDS, contract.grafana().dashboards().entries());
        LintInputs.whenEmpty(missing, Input.CONTRACT_QUERIES, contract.prometheus().queries().entries());
    }

    /** Lints the inputs' compose files; the stack they make, else the default stack's as context only. */
    private static StackModel compose(LintInputs in, LintRequest request, Path cwd, Findings out, List<String> notes,
            Map<Input, String> missing) {
        List<ComposeProject> projects = new ArrayList<>();
        ComposeLint composeLint = new ComposeLint(out);
        for (List<Path> group : in.composeGroups()) {
            ComposeLint.load(group, out).ifPresent(p -> {
                projects.add(p);
                composeLint.lint(p);
            });
        }
        StackModel stack = null;
        if (!projects.isEmpty()) {
            stack = StackModel.of(projects, "compose files", false);
            notes.add("compose: " + in.composeGroups().size() + " project(s) from " + in.composeGroups().stream()
                    .map(g -> g.stream().map(out::show).toList().toString()).toList());
        } else {
            missing.put(Input.COMPOSE_FILES, in.composeGroups().isEmpty() ? "no compose files in the inputs"
                    : "the compose files do not load");
            if (in.composeGroups().isEmpty() && request.referenceStack()) {
                stack = referenceStack(cwd, request, notes).orElse(null);
            }
        }
        if (stack == null) {
            missing.put(Input.STACK, "no compose files to know the stack's services and ports");
        }
        return stack;
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
                    .map(s -> LintInputs.stackFiles(request.contract(), s, assets.dir()))
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
}
