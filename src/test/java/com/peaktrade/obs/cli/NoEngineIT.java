package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The installed jar, run as a user would, on a machine whose engine does not answer. */
class NoEngineIT {
    @ParameterizedTest
    @ValueSource(strings = {"shadow up", "grafana down", "debug ps"})
    void commandThatNeedsTheEngineExits3WithANamedErrorAndAHint(String command) throws Exception {
        String jar = System.getProperty("peaktrade.obs.jar", "target/peaktrade-obs.jar");
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        cmd.addAll(List.of(command.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().put("DOCKER_HOST", "unix:///nonexistent/peaktrade-obs-test.sock");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = read(p.getErrorStream());
        assertThat(p.exitValue()).as(err).isEqualTo(3);
        assertThat(err).contains("error: Docker engine not reachable: unix:///nonexistent/peaktrade-obs-test.sock (DOCKER_HOST)")
                .contains("hint: start Docker")
                .doesNotContain("\tat ");
    }

    private static String read(java.io.InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
