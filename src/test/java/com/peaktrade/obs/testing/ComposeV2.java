package com.peaktrade.obs.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * docker compose v2 (the CLI plugin scripts/testbed.sh installs) as a live peer in tests: the
 * product never calls it. Missing under CI=true is a failure, elsewhere a skip with the reason.
 */
public final class ComposeV2 {
    private ComposeV2() {
    }

    /** The plugin's version line, or fails (CI) / aborts (elsewhere) the test when there is none. */
    public static String requireInstalled() {
        CliProcess.Result version;
        try {
            version = run(Map.of(), Path.of("."), "version");
        } catch (AssertionError e) {
            version = new CliProcess.Result(-1, "", e.getMessage());
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

    /** Runs `docker compose ARGS` in {@code dir} on the tests' engine, with extra environment variables. */
    public static CliProcess.Result run(Map<String, String> env, Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "compose"));
        cmd.addAll(List.of(args));
        Map<String, String> withHost = new HashMap<>(env);
        withHost.put("DOCKER_HOST", TestEngine.dockerHost());
        return CliProcess.exec(cmd, withHost, dir, 3);
    }
}
