package com.peaktrade.obs.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ctrl-C / SIGTERM in the middle of `up`, and two `up` at once: nothing half-made survives a `down`. */
@ExtendWith(EngineExtension.class)
class InterruptedUpIT {
    @TempDir
    Path tmp;

    private Map<String, String> env(TestEngine engine) {
        Map<String, String> env = engine.stackEnv(tmp);
        return env;
    }

    private Process start(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", CliProcess.jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile())
                .redirectOutput(log.toFile()).redirectError(new File(log + ".err"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void await(String what, Duration budget, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + budget.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private List<?> containers(TestEngine engine, String project) {
        return engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of("com.docker.compose.project=" + project)).exec();
    }

    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource({"INT,network", "TERM,first container", "INT,second container"})
    void signalDuringUpLeavesOnlyLabelledThingsThatDownRemovesAndUpWorksAgain(String signal, String moment,
            TestEngine engine) throws Exception {
        String project = engine.project() + "-" + signal.toLowerCase() + moment.replace(" ", "").substring(0, 4);
        Map<String, String> env = env(engine);
        Path log = tmp.resolve(project + ".log");
        Process up = start(env, log, "shadow", "up", "-p", project);
        int wanted = moment.equals("network") ? 0 : moment.equals("first container") ? 1 : 2;
        await(moment + " of " + project, Duration.ofSeconds(60), () -> wanted == 0
                ? !engine.docker().listNetworksCmd().withNameFilter(project + "_default").exec().isEmpty()
                : containers(engine, project).size() >= wanted);
        new ProcessBuilder("kill", "-" + signal, Long.toString(up.pid())).start().waitFor();
        assertThat(up.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(Path.of(log + ".err"), StandardCharsets.UTF_8);
        assertThat(up.exitValue()).as(err).isIn(130, 143, 0);
        if (up.exitValue() != 0) {
            assertThat(err).contains("interrupted:", "down -p " + project).doesNotContain("\tat ");
        }

        CliProcess.Result down = CliProcess.run(env, tmp, "shadow", "down", "-p", project);
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(containers(engine, project)).isEmpty();
        assertThat(engine.docker().listNetworksCmd().withNameFilter(project + "_default").exec()).isEmpty();

        CliProcess.Result again = CliProcess.run(env, tmp, "shadow", "up", "-p", project);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(containers(engine, project)).hasSize(3);
        CliProcess.run(env, tmp, "shadow", "down", "-p", project);
    }

    @Test
    void secondUpOfTheSameProjectWaitsForTheFirstInsteadOfMixingStacks(TestEngine engine) throws Exception {
        String project = engine.project() + "-twice";
        Map<String, String> env = env(engine);
        Path logA = tmp.resolve("a.log");
        Path logB = tmp.resolve("b.log");
        Process a = start(env, logA, "shadow", "up", "-p", project);
        await("first up to take the lock", Duration.ofSeconds(30),
                () -> Files.exists(tmp.resolve("state/peaktrade-obs/locks/" + project + ".lock")));
        Process b = start(env, logB, "shadow", "up", "-p", project);

        assertThat(a.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(b.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String errB = Files.readString(Path.of(logB + ".err"));
        assertThat(a.exitValue()).as(Files.readString(Path.of(logA + ".err"))).isZero();
        assertThat(b.exitValue()).as(errB).isZero();
        assertThat(errB).contains("waiting for another peaktrade-obs run on project " + project, "shadow up");
        assertThat(containers(engine, project)).hasSize(3);
        CliProcess.run(env, tmp, "shadow", "down", "-p", project);
    }
}
