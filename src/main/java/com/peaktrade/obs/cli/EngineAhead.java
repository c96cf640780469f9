package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.stack.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * Whether a run surely talks to the Docker engine, decided from the raw arguments before picocli
 * parses them, so that the connect can start at once (see {@code Session.openAhead}): `shadow|grafana
 * up` always; `shadow|grafana verify` unless a URL is given (option, environment or config file:
 * then it may be URL mode, which never connects). Anything unsure (help, --debug, whose connection
 * lines need the configured command line, an argument file, a contract's own stack) is "no": it
 * connects when the command asks, as before.
 */
final class EngineAhead {
    private static final List<String> STACKS = List.of("shadow", "grafana");
    private static final List<String> COMMANDS = List.of("up", "verify");
    private static final List<String> URL_OPTIONS = List.of("--prometheus-url", "--grafana-url", "--exporter-url");

    private EngineAhead() {
    }

    /** "up" or "verify" when the arguments run one of them on a built-in stack with no URL option; else null. */
    static String command(String... args) {
        String stack = null;
        String command = null;
        boolean urlOption = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--") || arg.startsWith("@") || arg.equals("-h") || arg.equals("--help") || arg.equals("-V")
                    || arg.equals("--version") || arg.equals("--debug")) {
                return null;
            }
            if (arg.equals("--color")) {
                i++; // the root option with a separate value: "--color never"
            } else if (arg.startsWith("-")) {
                urlOption |= URL_OPTIONS.stream().anyMatch(option -> arg.equals(option) || arg.startsWith(option + "="));
            } else if (stack == null) {
                if (!STACKS.contains(arg)) {
                    return null; // another command, or a contract's stack
                }
                stack = arg;
            } else if (command == null) {
                command = arg;
            }
        }
        if (command == null || !COMMANDS.contains(command) || (urlOption && command.equals("verify"))) {
            return null;
        }
        return command;
    }

    /** For {@link #command}'s answer: up always needs the engine; verify unless {@code env} names a URL. */
    static boolean surelyNeeded(String command, Map<String, String> env) {
        if (command.equals("up")) {
            return true;
        }
        for (Role role : Role.values()) {
            String value = env.get(Endpoint.variable(role));
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
