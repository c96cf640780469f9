package com.peaktrade.obs.cli;

import picocli.CommandLine.Command;

@Command(name = "lint", mixinStandardHelpOptions = true,
        header = "Static checks of compose files, scrape config, Grafana provisioning and dashboards (no Docker).")
final class LintCommand extends PendingCommand {
}
