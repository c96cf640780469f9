package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.StackDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** The stack groups among them, and their commands: only the one the arguments name gets a full model. */
    private static final Map<Class<?>, List<Class<?>>> GROUPS = Map.of(
            ShadowCommand.class, ShadowCommand.COMMANDS,
            GrafanaCommand.class, GrafanaCommand.COMMANDS);

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
            return build(Selection.ALL, ContractStacks.extra(builtInNames(), false, args));
        }
        List<StackDefinition> stacks = selected == null
                ? ContractStacks.extra(builtInNames(), namesAWord(args), args) : List.of();
        String groupName = selected == null ? firstWord(args) : nameOf(selected);
        String sub = groupName == null ? null : wordAfter(groupName, args);
        return build(new Selection(command -> command == selected, name -> name.equals(groupName), name -> name.equals(sub)), stacks);
    }

    /** The root command with every command's full model, and the working directory's contract's stacks. */
    static CommandLine full() {
        return build(Selection.ALL, ContractStacks.extra(builtInNames(), false));
    }

    /**
     * Which commands get a full model: top-level ones by class, contract stacks by name, and within
     * a stack group (shadow, grafana, a contract's) its commands by name.
     */
    private record Selection(Predicate<Class<?>> command, Predicate<String> stack, Predicate<String> groupCommand) {
        static final Selection ALL = new Selection(command -> true, name -> true, name -> true);
    }

    private static CommandLine build(Selection selection, List<StackDefinition> stacks) {
        CommandLine root = new CommandLine(new RootCommand());
        for (Class<?> command : COMMANDS) {
            if (!selection.command().test(command)) {
                root.addSubcommand(stub(command));
            } else if (GROUPS.containsKey(command)) {
                root.addSubcommand(group(new CommandLine(command), GROUPS.get(command), selection.groupCommand()));
            } else {
                root.addSubcommand(command);
            }
            if (command == GrafanaCommand.class) {
                // the contract's stacks, listed after the built-in ones
                stacks.forEach(stack -> root.addSubcommand(stack.name(),
                        StackGroupCommand.of(stack, selection.stack().test(stack.name()) ? selection.groupCommand() : name -> false)));
            }
        }
        return root;
    }

    /** A stack group with its commands: the full model for those {@code full} names, stubs for the rest. */
    private static CommandLine group(CommandLine group, List<Class<?>> commands, Predicate<String> full) {
        for (Class<?> command : commands) {
            group.addSubcommand(full.test(nameOf(command)) ? command : stub(command));
        }
        return group;
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

    /** The first argument before "--" that is a word, not an option; null when none. */
    private static String firstWord(String... args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return null;
            }
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }

    /**
     * The first word after {@code group} (before "--"): the name of the group's command picocli runs.
     * A group takes no option with a value, so every word after it names its command.
     */
    private static String wordAfter(String group, String... args) {
        int at = -1;
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            if (at < 0 && args[i].equals(group)) {
                at = i;
            } else if (at >= 0 && !args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
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
