package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The lazily built tree must be indistinguishable from the full one for help, version and usage errors. */
class CommandTreeTest {
    /** Every command path of the full tree: the root ("") and each subcommand, e.g. "shadow verify". */
    static Stream<String> commandPaths() {
        List<String> paths = new ArrayList<>();
        collect(CommandTree.full(), "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine cli, String path, List<String> paths) {
        paths.add(path);
        for (CommandLine sub : new LinkedHashSet<>(cli.getSubcommands().values())) {
            collect(sub, (path + " " + sub.getCommandName()).trim(), paths);
        }
    }

    static Stream<String> argumentLines() {
        Stream<String> perCommand = commandPaths().flatMap(path -> Stream.of(path + " --help", path + " --no-such-option"));
        Stream<String> root = Stream.of("", "-h", "--color=always --help", "--version", "-V", "--color=never --version",
                "--color=rainbow --version", "help", "help shadow", "shadw", "--verison", "--debug", "-- shadow",
                "--color always shadow verify --help", "shadow -h", "shadow verfy", "debug config --format=bogus",
                "generate-completion");
        return Stream.concat(root, perCommand).map(String::trim);
    }

    @ParameterizedTest(name = "[{index}] peaktrade-obs {0}")
    @MethodSource("argumentLines")
    void lazyTreeAnswersExactlyAsTheFullTree(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        CliRun lazy = CliRun.of(args);
        CliRun full = CliRun.with(Main.configure(CommandTree.full(), args), args);
        assertThat(lazy).as("lazy tree vs full tree for: %s", line).isEqualTo(full);
    }

    @ParameterizedTest(name = "peaktrade-obs {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"--version", "-V"})
    void versionWithoutPicocliPrintsExactlyWhatPicocliPrints(String flag) {
        CliRun picocli = CliRun.with(Main.configure(CommandTree.full(), flag), flag);
        java.io.StringWriter out = new java.io.StringWriter();

        assertThat(Main.asksOnlyForVersion(flag)).isTrue();
        Main.printVersion(new java.io.PrintWriter(out));

        assertThat(new CliRun(0, out.toString(), "")).isEqualTo(picocli);
        assertThat(out.toString()).startsWith("peaktrade-obs ").contains("(commit ");
    }

    @Test
    void onlyABareVersionFlagTakesTheShortcut() {
        assertThat(Main.asksOnlyForVersion("--version", "--debug")).isFalse();
        assertThat(Main.asksOnlyForVersion("--color=always", "--version")).isFalse();
        assertThat(Main.asksOnlyForVersion("shadow", "-V")).isFalse();
        assertThat(Main.asksOnlyForVersion()).isFalse();
    }

    @Test
    void helpAndVersionBuildNoCommandModel() {
        CommandLine root = CommandTree.forArgs("--help");
        for (CommandLine sub : root.getSubcommands().values()) {
            assertThat(sub.getCommandSpec().userObject()).as("%s is a stub", sub.getCommandName()).isNull();
        }
    }

    @Test
    void theNamedCommandIsFullAndItsSiblingsAreStubs() {
        CommandLine root = CommandTree.forArgs("--color", "always", "--debug", "shadow", "verify", "--no-wait");
        assertThat(root.getSubcommands().get("shadow").getCommandSpec().userObject()).isInstanceOf(ShadowCommand.class);
        assertThat(root.getSubcommands().get("shadow").getSubcommands()).containsKeys("up", "verify", "down", "status");
        assertThat(root.getSubcommands().get("grafana").getSubcommands()).isEmpty();
        var shadow = root.getSubcommands().get("shadow").getSubcommands();
        assertThat(shadow.get("verify").getCommandSpec().userObject()).isInstanceOf(StackVerifyCommand.class);
        assertThat(shadow.get("verify").getCommandSpec().optionsMap()).containsKeys("--prometheus-url", "--contract", "-p");
        for (String sibling : List.of("up", "down", "status")) {
            assertThat(shadow.get(sibling).getCommandSpec().userObject()).as("shadow %s is a stub", sibling).isNull();
        }
    }

    @Test
    void preScanStopsAtDoubleDashAndIgnoresOptionsAndUnknownWords() {
        assertThat(CommandTree.selectedCommand("--color", "never", "lint", "shadow")).isEqualTo(LintCommand.class);
        assertThat(CommandTree.selectedCommand("bogus", "--help")).isNull();
        assertThat(CommandTree.selectedCommand("--", "shadow")).isNull();
    }

    @Test
    void completionAndArgumentFilesGetTheWholeTree() {
        for (String[] args : List.of(new String[] {"generate-completion"}, new String[] {"@args.txt"})) {
            CommandLine root = CommandTree.forArgs(args);
            assertThat(root.getSubcommands().get("debug").getSubcommands()).as(String.join(" ", args))
                    .containsKeys("ps", "logs", "mounts", "targets", "health", "config");
        }
    }
}
