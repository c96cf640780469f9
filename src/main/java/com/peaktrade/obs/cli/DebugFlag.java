package com.peaktrade.obs.cli;

import java.util.List;

/**
 * Whether --debug was given anywhere on the command line. The error handler needs it before (and
 * independent of) which subcommand's instance picocli stored the inherited option on.
 */
final class DebugFlag {
    private DebugFlag() {
    }

    static boolean isSet(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--debug")) {
                return true;
            }
        }
        return false;
    }

    static boolean isSet(List<String> args) {
        return isSet(args.toArray(String[]::new));
    }
}
