package com.peaktrade.obs.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts. Their effect is read in {@link Main} before parsing. */
public class GlobalOptions {
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces and engine/HTTP details on errors.")
    boolean debug;

    @Option(names = "--color", scope = ScopeType.INHERIT, paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; auto = on a terminal, "
                    + "off when NO_COLOR is set).")
    ColorChoice color;
}
