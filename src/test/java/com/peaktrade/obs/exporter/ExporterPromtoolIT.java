package com.peaktrade.obs.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter's exposition, scraped from an in-process exporter, passes {@code promtool check
 * metrics} (from the Prometheus image) with zero problems. promtool passes empty input, so the
 * file is asserted non-empty, and a known-bad exposition must fail the same way.
 */
@ExtendWith(EngineExtension.class)
class ExporterPromtoolIT {

    @Test
    void scrapedExpositionPassesPromtoolCheckMetricsWithZeroProblems(TestEngine engine, @TempDir Path dir)
            throws Exception {
        String body;
        try (ShadowMvsExporter exporter = ShadowMvsExporter.start(new ExporterSettings("127.0.0.1", 0, "shadow", "sim"))) {
            Thread.sleep(1500); // every edge has observations
            body = Exposition.scrape(exporter.metricsUri(), null).body();
        }
        assertThat(body).contains(ShadowMvsContract.PIPELINE_LATENCY + "_bucket").hasSizeGreaterThan(1000);

        Result result = promtool(engine, dir, body);

        assertThat(result.exitCode()).as("promtool exit code; output:%n%s", result.output()).isZero();
        assertThat(result.output()).as("promtool problems").isEmpty();
    }

    @Test
    void promtoolReportsTheProblemsOfABadExposition(TestEngine engine, @TempDir Path dir) throws Exception {
        Result result = promtool(engine, dir, "# TYPE orders counter\norders 3\n");

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("orders").contains("no help text");
    }

    private record Result(long exitCode, String output) {
    }

    /** Runs promtool check metrics on {@code exposition} in the Prometheus image; its exit code and output. */
    private static Result promtool(TestEngine engine, Path dir, String exposition) throws Exception {
        Path file = dir.resolve("metrics.txt");
        Files.writeString(file, exposition);
        assertThat(Files.size(file)).as("promtool passes empty input: the file must not be empty").isPositive();
        file.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        dir.toFile().setReadable(true, false);

        String id = engine.run(TestEngine.prometheusImage(), cmd -> cmd
                .withEntrypoint("/bin/sh", "-c", "promtool check metrics < /m/metrics.txt")
                .withCmd(new String[0])
                .withHostConfig(HostConfig.newHostConfig()
                        .withBinds(new Bind(dir.toString(), new Volume("/m"), AccessMode.ro))));
        long exitCode = engine.docker().waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS);
        return new Result(exitCode, engine.logs(id));
    }
}
