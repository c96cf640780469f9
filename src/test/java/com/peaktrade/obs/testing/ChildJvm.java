package com.peaktrade.obs.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI's Main in a JVM of its own, on the test class path (or one given), with an environment
 * of the test's: what a user's process sees, in the unit-test phase (no packaged jar needed).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** The class path this test runs on. */
    public static String testClassPath() {
        return System.getProperty("java.class.path");
    }

    public static CliProcess.Result run(String classPath, Map<String, String> env, Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "com.peaktrade.obs.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile());
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish in 2 minutes");
            }
            return new CliProcess.Result(p.exitValue(), Files.readString(dir.resolve("child.out"), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve("child.err"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot start " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

}
