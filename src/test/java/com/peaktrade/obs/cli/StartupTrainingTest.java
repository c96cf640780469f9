package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run that scripts/aot-cache.sh and scripts/cds-archive.sh record: it must finish on
 * its own (exporter stopped, HTTP clients released) and print nothing, with or without an engine.
 */
class StartupTrainingTest {
    @Test
    void runsEveryTrainedCommandQuietlyAndExits(@TempDir Path emptyDir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartupTraining.class.getName())
                .directory(emptyDir.toFile()).redirectErrorStream(true).start();

        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the training run ends by itself").isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).as("nothing printed").isEmpty();
        assertThat(child.exitValue()).isZero();
    }
}
