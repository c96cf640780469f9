package com.peaktrade.obs.cli;

import java.util.List;
import java.util.function.Predicate;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the command tree for one run, cheaply. picocli reflects over every command class it is
 * given (options, mixins, converters, nested commands); for all of ours that was most of the
 * start-up time of {@code --version} and {@code --help}. So only the top-level command the
 * arguments name gets its full annotated model. Every other one is a stub holding what the root
 * help and picocli's usage errors ("did you mean …") read: name, aliases, header, description and
 * hidden flag, taken from its {@code @Command}.
 *
 * <p>The pre-scan picks the first argument that names a top-level command. That is the command
 * picocli dispatches to: before it only root options can stand, and picocli does not take a
 * command name as an option's value. A stub is therefore never parsed or run. Where the scan
 * cannot be sure (an {@code @file} argument) or the command walks the whole tree (completion),
 * everything is built.
 */
final class CommandTree {
    /** The top-level commands, in the order the root help lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            ShadowCommand.class,
            GrafanaCommand.class,
            DebugCommand.class,
            ExporterCommand.class,
            AppCommand.class,
            PrometheusCommand.class,
            LintCommand.class,
            ContractCommand.class,
            AutoComplete.GenerateCompletion.class);

    private CommandTree() {
    }

    /** The root command with full models only where {@code args} need them. */
    static CommandLine forArgs(String... args) {
        Class<?> selected = selectedCommand(args);
        if (selected == AutoComplete.GenerateCompletion.class || startsAnArgumentFile(args)) {
            return full();
        }
        return build(command -> command == selected);
    }

    /** The root command with every command's full model. */
    static CommandLine full() {
        return build(command -> true);
    }

    private static CommandLine build(Predicate<Class<?>> needsFullModel) {
        CommandLine root = new CommandLine(new RootCommand());
        for (Class<?> command : COMMANDS) {
            root.addSubcommand(needsFullModel.test(command) ? command : stub(command));
        }
        return root;
    }

    /** The top-level command the first matching argument names, or null (help, version, typos). */
    static Class<?> selectedCommand(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return null;
            }
            for (Class<?> command : COMMANDS) {
                Command annotation = command.getAnnotation(Command.class);
                if (arg.equals(annotation.name()) || List.of(annotation.aliases()).contains(arg)) {
                    return command;
                }
            }
        }
        return null;
    }

    private static boolean startsAnArgumentFile(String... args) {
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return true;
            }
        }
        return false;
    }

    private static CommandSpec stub(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(annotation.name()).aliases(annotation.aliases());
        spec.usageMessage()
                .header(annotation.header())
                .description(annotation.description())
                .hidden(annotation.hidden());
        return spec;
    }
}
