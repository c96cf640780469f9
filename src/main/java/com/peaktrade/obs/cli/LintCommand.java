package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractResolver;
import com.peaktrade.obs.lint.LintReport;
import com.peaktrade.obs.lint.LintRequest;
import com.peaktrade.obs.lint.LintResult;
import com.peaktrade.obs.lint.Linter;
import com.peaktrade.obs.lint.Rule;
import com.peaktrade.obs.stack.UserEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `lint`: static checks of compose files, scrape configs, Grafana provisioning and dashboards, printed
 * through verify's reporters. Exit 0 no errors (warnings allowed), 1 an error (or, with --strict, a
 * warning), 2 a usage error or an input lint cannot read.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        header = "Static checks of compose files, scrape config, Grafana provisioning and dashboards (no Docker).",
        description = {"Lints the assets `up` would use (this checkout, else the embedded copy), an --assets-dir in either "
                + "layout, or just the parts named by --compose, --prometheus, --grafana-dir, against the contract (--contract, else "
                + "the assets' peaktrade-obs.yaml, else the embedded one) and its lint policy. Rules and examples: docs/lint.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed)", "1:a rule found an error (with --strict: any finding)",
            "2:usage error, an invalid contract (file:line), or an input that cannot be read (invalid JSON/YAML, wrong types)", "4:internal error (a bug)"})
final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--assets-dir", paramLabel = "DIR",
            description = "Directory with compose/, prometheus/, grafana/ (any may be missing: its rules are skipped).")
    Path assetsDir;

    @Option(names = "--compose", paramLabel = "FILE", description = "A compose file (repeatable, -f order).")
    List<Path> composeFiles = new ArrayList<>();

    @Option(names = "--prometheus", paramLabel = "FILE", description = "A Prometheus configuration (repeatable).")
    List<Path> prometheusFiles = new ArrayList<>();

    @Option(names = "--grafana-dir", paramLabel = "DIR",
            description = "Directory with provisioning/{datasources,dashboards}/ and dashboards/.")
    Path grafanaDir;

    @Option(names = "--rule", paramLabel = "ID", description = "Run only this rule (repeatable; PREFIX* selects a group).")
    List<String> rules = new ArrayList<>();

    @Option(names = "--skip", paramLabel = "ID", description = "Do not run this rule (repeatable; PREFIX* allowed).")
    List<String> skips = new ArrayList<>();

    @Option(names = "--strict", description = "Warnings fail too (exit 1).")
    boolean strict;

    @Option(names = "--contract", paramLabel = "FILE", description = "Judge the assets against this contract "
            + "(default: peaktrade-obs.yaml in the assets directory, else the embedded one). Invalid: exit 2.")
    Path contractFile;

    @Mixin
    ReportOptions output;

    @Override
    public Integer call() {
        output.validate();
        List<Rule> selected = LintReport.select(rules, skips);
        Instant start = Instant.now();
        // --assets-dir may lack compose/ here, which the stack commands' resolution refuses
        Contract contract = assetsDir != null && Files.isDirectory(assetsDir)
                ? ContractResolver.resolveInDirectory(contractFile, assetsDir, ContractCommand.loader())
                : ContractResolver.resolve(new ContractResolver.Request(contractFile, null, Path.of("")),
                        ContractCommand.loader());
        LintRequest request = new LintRequest(assetsDir, composeFiles, prometheusFiles, grafanaDir, Path.of(""),
                UserEnvironment.load(), true, contract);
        LintResult result = new Linter().lint(request);
        Report report = LintReport.toReport(result, selected, strict, Duration.between(start, Instant.now()), start);
        output.emit(report, spec);
        if (!result.brokenInputs().isEmpty()) {
            spec.commandLine().getErr().println(spec.commandLine().getColorScheme().errorText(
                    result.brokenInputs().size() + " input(s) could not be read (lint.input above): exit 2"));
        }
        return LintReport.exitCode(result, report);
    }
}
