package com.peaktrade.obs.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * docker compose v2 (the CLI plugin scripts/testbed.sh installs) as a live peer in tests: the
 * product never calls it. Missing under CI=true is a failure, elsewhere a skip with the reason.
 */
public final class ComposeV2 {
    private ComposeV2() {
    }

    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /** The plugin's version line, or fails (CI) / aborts (elsewhere) the test when there is none. */
    public static String requireInstalled() {
        Result version;
        try {
            version = run(Map.of(), Path.of("."), "version");
        } catch (AssertionError e) {
            version = new Result(-1, "", e.getMessage());
        }
        if (version.exitCode() != 0) {
            String why = "docker compose v2 is not installed (scripts/testbed.sh installs it): " + version.err().strip();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        return version.out().strip();
    }

    /** Runs `docker compose ARGS` in {@code dir} with extra environment variables. */
    public static Result run(Map<String, String> env, Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "compose"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        String host = TestEngine.dockerHost();
        pb.environment().put("DOCKER_HOST", host);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish in 3 minutes");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot start " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
