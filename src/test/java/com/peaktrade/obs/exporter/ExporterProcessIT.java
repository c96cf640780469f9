package com.peaktrade.obs.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real jar as a process: prints its line, serves, and stops well under a second after SIGTERM. */
class ExporterProcessIT {

    @Test
    void jarProcessServesAndStopsWithinASecondOfSigterm() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", ExporterJarIT.jar().toString(),
                "exporter", "--port", String.valueOf(port)).redirectErrorStream(true).start();
        try {
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertThat(stdout.readLine()).isEqualTo("Serving Shadow-MVS metrics (contract v1) on http://127.0.0.1:"
                    + port + "/metrics (mode=shadow, exchange=sim); Ctrl-C stops");
            Exposition text = Exposition.scrape(URI.create("http://127.0.0.1:" + port + "/metrics"), null);
            assertThat(text.samples(ShadowMvsContract.PIPELINE_EVENTS)).hasSize(ShadowMvsContract.STAGES.size());

            long start = System.nanoTime();
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(5, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            long stopMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(stopMillis).as("SIGTERM to exit took %d ms", stopMillis).isLessThan(1000);
            assertThat(process.exitValue()).isEqualTo(143);
            System.out.printf("ExporterProcessIT: SIGTERM to exit took %d ms%n", stopMillis);
        } finally {
            process.destroyForcibly();
        }
    }
}
