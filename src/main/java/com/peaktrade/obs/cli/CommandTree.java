package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.StackDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * The root command with full models only where {@code args} need them. The contract's own stacks
     * (beyond shadow and grafana) are read only when no built-in command is named: then the first
     * word may be one of them, and a contract that does not load is exit 2 with file:line.
     */
    static CommandLine forArgs(String... args) {
        Class<?> selected = selectedCommand(args);
        if (selected == AutoComplete.GenerateCompletion.class || startsAnArgumentFile(args)) {
            return build(command -> true, ContractStacks.extra(builtInNames(), false, args));
        }
        List<StackDefinition> stacks = selected == null
                ? ContractStacks.extra(builtInNames(), namesAWord(args), args) : List.of();
        return build(command -> command == selected, stacks);
    }

    /** The root command with every command's full model, and the working directory's contract's stacks. */
    static CommandLine full() {
        return build(command -> true, ContractStacks.extra(builtInNames(), false));
    }

    private static CommandLine build(Predicate<Class<?>> needsFullModel, List<StackDefinition> stacks) {
        CommandLine root = new CommandLine(new RootCommand());
        for (Class<?> command : COMMANDS) {
            root.addSubcommand(needsFullModel.test(command) ? command : stub(command));
            if (command == GrafanaCommand.class) {
                // the contract's stacks, listed after the built-in ones
                stacks.forEach(stack -> root.addSubcommand(stack.name(), StackGroupCommand.of(stack)));
            }
        }
        return root;
    }

    /** Names (and aliases) of the built-in top-level commands, and help: a stack cannot take them. */
    static Set<String> builtInNames() {
        Set<String> names = new HashSet<>(Set.of("help"));
        for (Class<?> command : COMMANDS) {
            Command annotation = command.getAnnotation(Command.class);
            names.add(annotation.name());
            names.addAll(List.of(annotation.aliases()));
        }
        return names;
    }

    /** True when an argument before "--" is a word, not an option: perhaps the name of a contract's stack. */
    private static boolean namesAWord(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (!arg.startsWith("-") && !arg.equals("help")) {
                return true;
            }
        }
        return false;
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
