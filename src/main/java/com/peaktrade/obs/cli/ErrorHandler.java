package com.peaktrade.obs.cli;

import com.peaktrade.obs.error.ExitCodes;
import com.peaktrade.obs.error.ObsException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions from a command into one red line on stderr plus the exit code of SPEC §4.
 * Expected failures ({@link ObsException}) show their message and hint; anything else, an Error
 * included, is a bug: one line and exit 4. With --debug the full stack trace follows.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    private final boolean debug;

    ErrorHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        CommandLine.Help.ColorScheme colors = cmd.getColorScheme();
        if (ex instanceof ObsException obs) {
            err.println(colors.errorText("error: " + obs.getMessage()));
            if (obs.hint() != null && !obs.hint().isBlank()) {
                err.println("hint: " + obs.hint());
            }
        } else {
            err.println(colors.errorText(Main.internalError(escaped(ex))));
        }
        if (debug) {
            escaped(ex).printStackTrace(err);
        } else if (ex instanceof ObsException && ex.getCause() != null) {
            err.println("(run with --debug for details)");
        }
        err.flush();
        return exitCodeOf(ex);
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof ObsException obs) {
            return obs.exitCode();
        }
        return ExitCodes.INTERNAL;
    }

    /** picocli hands over an Error (a class missing at run time, …) wrapped; what escaped is the Error. */
    private static Throwable escaped(Exception ex) {
        return ex instanceof CommandLine.ExecutionException && ex.getCause() instanceof Error error ? error : ex;
    }
}
