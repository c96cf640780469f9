package com.peaktrade.obs.cli;

import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * --color=auto|always|never. Decided before parsing because picocli builds the colour scheme
 * (also for usage errors) before any option is applied. auto = colour only on a terminal and only
 * when NO_COLOR is unset or empty (https://no-color.org).
 */
public enum ColorChoice {
    AUTO, ALWAYS, NEVER;

    static Ansi fromArgs(String[] args, Map<String, String> env) {
        ColorChoice choice = AUTO;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            String value = null;
            if (arg.startsWith("--color=")) {
                value = arg.substring("--color=".length());
            } else if (arg.equals("--color") && i + 1 < args.length) {
                value = args[i + 1];
            }
            if (value != null) {
                try {
                    choice = valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException badValue) {
                    // picocli reports the bad value as a usage error when it parses the option
                }
            }
        }
        return choice.toAnsi(env);
    }

    Ansi toAnsi(Map<String, String> env) {
        switch (this) {
            case ALWAYS:
                return Ansi.ON;
            case NEVER:
                return Ansi.OFF;
            default:
                String noColor = env.get("NO_COLOR");
                if (noColor != null && !noColor.isEmpty()) {
                    return Ansi.OFF;
                }
                return System.console() != null ? Ansi.AUTO : Ansi.OFF;
        }
    }
}
