package com.peaktrade.obs.cli;

import picocli.CommandLine;

/** Entry point: the only place that calls System.exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI with the process's streams; returns the exit code (tests call this too). */
    public static int run(String... args) {
        return newCommandLine(args).execute(args);
    }

    /**
     * A CommandLine configured for {@code args} (tree built as far as they need it, see
     * {@link CommandTree}): colour choice, exception handler, exit code mapping.
     */
    public static CommandLine newCommandLine(String... args) {
        return configure(CommandTree.forArgs(args), args);
    }

    static CommandLine configure(CommandLine cli, String... args) {
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(ColorChoice.fromArgs(args, System.getenv())));
        cli.setExecutionExceptionHandler(new ErrorHandler(DebugFlag.isSet(args)));
        cli.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
