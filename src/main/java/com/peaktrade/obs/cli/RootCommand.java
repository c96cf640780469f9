package com.peaktrade.obs.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "peaktrade-obs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Bring up, verify, debug and tear down the Peak_Trade Prometheus + Grafana stacks.",
        description = "One command brings a stack up, one tells whether it works (named PASS/FAIL checks "
                + "for CI), one takes it down. Talks to the Docker Engine API directly; no docker compose binary needed.",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  peaktrade-obs shadow up && peaktrade-obs shadow verify",
            "  peaktrade-obs grafana verify --format junit --report grafana-verify.xml",
            "  peaktrade-obs debug logs grafana --tail 50",
            "",
            "Run 'peaktrade-obs COMMAND --help' for a command's options."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all required checks passed / the command succeeded",
            "1:a check failed",
            "2:usage or configuration error",
            "3:environment not usable (Docker unreachable, image missing and not pullable)",
            "4:internal error (a bug: rerun with --debug and report it)"})
// The subcommands are added by CommandTree, which builds only the one a run needs.
public final class RootCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: pick one of the commands below.");
    }
}
