package com.peaktrade.obs.cli;

import com.peaktrade.obs.docker.DockerEngine;
import com.peaktrade.obs.error.ObsException;
import java.io.PrintWriter;
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
        if (asksOnlyForVersion(args)) {
            printVersion(new PrintWriter(System.out, true));
            return 0;
        }
        CommandLine cli;
        try {
            cli = newCommandLine(args);
        } catch (ObsException e) {
            // the contract that names the command groups does not load: exit 2 with file:line, no command runs
            PrintWriter err = new PrintWriter(System.err, true);
            err.println("error: " + e.getMessage());
            if (e.hint() != null && !e.hint().isBlank()) {
                err.println("hint: " + e.hint());
            }
            err.flush();
            return e.exitCode();
        }
        return cli.execute(args);
    }

    /**
     * {@code --version} (or {@code -V}) alone is answered without picocli: building any command
     * model costs ~110 ms of a ~270 ms start (its one-time initialisation), and the answer needs
     * none of it. CommandTreeTest holds the output byte-identical to picocli's own.
     */
    static boolean asksOnlyForVersion(String... args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    static void printVersion(PrintWriter out) {
        for (String line : new VersionProvider().getVersion()) {
            out.println(line);
        }
        out.flush();
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
        boolean debug = DebugFlag.isSet(args);
        cli.setExecutionExceptionHandler(new ErrorHandler(debug));
        if (debug) {
            // only then: loading the engine class costs start-up time commands without Docker should not pay
            PrintWriter err = cli.getErr();
            DockerEngine.reportConnectionsTo(line -> {
                err.println("debug: " + line);
                err.flush();
            });
        }
        cli.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
