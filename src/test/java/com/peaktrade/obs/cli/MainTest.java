package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.EnvironmentException;
import java.util.concurrent.Callable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {
    @Test
    void helpListsEveryCommandOfTheSpecAndTheExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("shadow", "grafana", "debug", "exporter", "app", "prometheus", "lint")
                .contains("Exit codes:", "2   usage or configuration error", "3   environment not usable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shadow", "grafana", "debug", "app", "prometheus"})
    void groupHelpListsItsSubcommands(String group) {
        CliRun run = CliRun.of(group, "--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Commands:");
    }

    @Test
    void versionNamesTheVersionAndTheCommit() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("peaktrade-obs \\S+ \\(commit \\S+\\)");
    }

    @Test
    void unknownCommandIsAUsageErrorWithExit2() {
        CliRun run = CliRun.of("bogus");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'bogus'");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExit2() {
        CliRun run = CliRun.of("shadow", "--no-such-option");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void badColorValueIsAUsageErrorWithExit2() {
        CliRun run = CliRun.of("--color=rainbow", "--version");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--color");
    }

    @Test
    void groupWithoutSubcommandIsAUsageError() {
        CliRun run = CliRun.of("debug");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command");
    }

    @Command(name = "someday")
    static final class Someday extends PendingCommand {
    }

    @Test
    void commandNotBuiltYetFailsWithExit2InsteadOfFakeSuccess() {
        CommandLine cli = new CommandLine(new Someday());
        cli.setExecutionExceptionHandler(new ErrorHandler(false));
        cli.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
        CliRun run = CliRun.with(cli);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("error: 'someday' is not implemented yet");
        assertThat(run.out()).isEmpty();
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Throwable toThrow;

        Boom(Throwable toThrow) {
            this.toThrow = toThrow;
        }

        @Override
        public Integer call() throws Exception {
            if (toThrow instanceof Error error) {
                throw error;
            }
            throw (Exception) toThrow;
        }
    }

    private static CliRun runBoom(Throwable ex, boolean debug) {
        CommandLine cli = new CommandLine(new Boom(ex));
        cli.setExecutionExceptionHandler(new ErrorHandler(debug));
        cli.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
        return CliRun.with(cli);
    }

    @Test
    void configurationErrorIsOneLinePlusHintAndExit2WithoutStackTrace() {
        CliRun run = runBoom(new ConfigException("compose file x.yml: no such file", "check -f"), false);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: compose file x.yml: no such file\nhint: check -f\n");
    }

    @Test
    void environmentErrorExits3() {
        CliRun run = runBoom(new EnvironmentException("Docker engine not reachable", "start Docker"), false);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void unexpectedExceptionIsABugWithExit4AndAskForDebug() {
        CliRun run = runBoom(new IllegalStateException("oops"), false);
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("internal error: IllegalStateException: oops", "--debug")
                .doesNotContain("\tat ");
    }

    @Test
    void anErrorFromACommandIsOneLineAndExit4() {
        CliRun run = CliRun.with(Main.configure(new CommandLine(new Boom(
                new NoClassDefFoundError("org/bouncycastle/jce/provider/BouncyCastleProvider")))));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).isEqualTo("internal error: NoClassDefFoundError: org/bouncycastle/jce/provider/BouncyCastleProvider"
                + " (a bug in peaktrade-obs: rerun with --debug and report the output)\n");
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRun run = runBoom(new IllegalStateException("oops"), true);
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void debugFlagIsFoundAnywhereBeforeDoubleDash() {
        assertThat(DebugFlag.isSet("shadow", "up", "--debug")).isTrue();
        assertThat(DebugFlag.isSet("--debug", "shadow")).isTrue();
        assertThat(DebugFlag.isSet("shadow", "--", "--debug")).isFalse();
        assertThat(DebugFlag.isSet("shadow")).isFalse();
    }
}
