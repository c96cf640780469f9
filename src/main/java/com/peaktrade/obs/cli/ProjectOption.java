package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.StackDefinition;
import picocli.CommandLine.Option;

/** -p/--project-name: the compose project a command works on; one meaning everywhere. */
final class ProjectOption {
    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME",
            description = "Compose project (default: the stack's project in the contract, e.g. peaktrade-shadow-mvs; a running "
                    + "project's published ports and Grafana credentials are read from its containers).")
    String name;

    boolean given() {
        return name != null && !name.isBlank();
    }

    /** The given project, else the stack's. */
    String or(StackDefinition stack) {
        return given() ? name.strip() : stack.project();
    }
}
