package com.peaktrade.obs.cli;

import com.peaktrade.obs.docker.DockerEngine;
import com.peaktrade.obs.error.ExitCodes;
import com.peaktrade.obs.error.ObsException;
import com.peaktrade.obs.http.SelectorThreads;
import com.peaktrade.obs.session.Session;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point: the only place that calls System.exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        SelectorThreads.release(); // else the JVM's exit waits 300 ms for them
        System.exit(code);
    }

    /**
     * Runs the CLI with the process's streams; returns the exit code (tests call this too). Whatever
     * escapes everything else — an Error included, e.g. a class missing at run time — is one line on
     * stderr and exit 4: never a raw stack trace, never the JVM's exit 1.
     */
    public static int run(String... args) {
        try {
            return runCommand(args);
        } catch (Throwable escaped) {
            System.err.println(internalError(escaped));
            if (Arrays.asList(args).contains("--debug")) {
                escaped.printStackTrace();
            }
            System.err.flush();
            return ExitCodes.INTERNAL;
        }
    }

    /**
     * The one line for anything we did not expect, an Error included; here, not in ErrorHandler, so
     * that printing it needs no class that could itself be the one missing.
     */
    static String internalError(Throwable ex) {
        String msg = ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse("");
        return "internal error: " + ex.getClass().getSimpleName() + msg
                + " (a bug in peaktrade-obs: rerun with --debug and report the output)";
    }

    private static int runCommand(String... args) {
        if (asksOnlyForVersion(args)) {
            printVersion(new PrintWriter(System.out, true));
            return 0;
        }
        String engineCommand = EngineAhead.command(args);
        if (engineCommand != null) {
            Session.openAhead(env -> EngineAhead.surelyNeeded(engineCommand, env));
        }
        try {
            return parseAndExecute(args);
        } finally {
            Session.discardAhead();
        }
    }

    private static int parseAndExecute(String... args) {
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
        // picocli lets an Error thrown by a command escape execute(); hand it to the handler like any failure
        CommandLine.IExecutionStrategy strategy = cli.getExecutionStrategy();
        cli.setExecutionStrategy(parseResult -> {
            try {
                return strategy.execute(parseResult);
            } catch (Error error) {
                CommandLine failed = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1);
                throw new CommandLine.ExecutionException(failed, String.valueOf(error), error);
            }
        });
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
