package com.peaktrade.obs.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.ComposeV2;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker compose v2 and peaktrade-obs see the same projects: compose lists and removes a stack we
 * started, and our `down` removes one compose started (label compatibility both ways).
 */
@ExtendWith(EngineExtension.class)
class ComposeV2PeerIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path cwd;

    @BeforeAll
    static void composeIsThere() {
        System.out.println("[it] compose peer: " + ComposeV2.requireInstalled());
    }

    @Test
    void composeV2ListsOurStackWithServicesAndStatesAndItsDownRemovesIt(TestEngine engine) throws Exception {
        String project = engine.project() + "-ours";
        Map<String, String> env = engine.stackEnv(cwd);
        var up = CliProcess.run(env, cwd, "grafana", "up", "-p", project);
        assertThat(up.exitCode()).as(up.toString()).isZero();

        var ps = ComposeV2.run(Map.of(), cwd, "-p", project, "ps", "--format", "json");

        assertThat(ps.exitCode()).as(ps.toString()).isZero();
        List<JsonNode> rows = ndjson(ps.out());
        assertThat(rows).as(ps.toString()).extracting(r -> r.path("Service").asText())
                .containsExactlyInAnyOrder("prometheus-local", "grafana");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.path("State").asText()).isEqualTo("running");
            assertThat(r.path("Health").asText()).isEqualTo("healthy");
            assertThat(r.path("Name").asText()).isEqualTo(project + "-" + r.path("Service").asText() + "-1");
        });

        var down = ComposeV2.run(Map.of(), cwd, "-p", project, "down");

        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(projectContainers(engine, project)).as("containers after docker compose down").isEmpty();
        assertThat(engine.docker().listNetworksCmd().withNameFilter(project + "_default").exec())
                .as("network after docker compose down").isEmpty();
        var status = CliProcess.run(env, cwd, "grafana", "status", "-p", project);
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
    }

    @Test
    void ourDownRemovesAStackThatComposeV2Started(TestEngine engine) {
        String project = engine.project() + "-theirs";
        Map<String, String> env = engine.stackEnv(cwd);
        Path compose = Path.of("compose").toAbsolutePath();
        var up = ComposeV2.run(env, compose, "-p", project, "-f", "prometheus-local.yaml", "-f", "grafana.yaml",
                "up", "-d", "--wait");
        try {
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(projectContainers(engine, project)).hasSize(2);

            var status = CliProcess.run(env, cwd, "grafana", "status", "-p", project);
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).contains("prometheus-local", "grafana");

            var down = CliProcess.run(env, cwd, "grafana", "down", "-p", project);

            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(down.out()).contains("removed: 2 containers, 1 networks");
            assertThat(projectContainers(engine, project)).isEmpty();
            assertThat(engine.docker().listNetworksCmd().withNameFilter(project + "_default").exec()).isEmpty();
        } finally {
            ComposeV2.run(env, compose, "-p", project, "down", "-v");
        }
    }

    private static List<?> projectContainers(TestEngine engine, String project) {
        return engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(TestEngine.PROJECT_LABEL + "=" + project)).exec();
    }

    /** `ps --format json` of compose v2 writes one JSON object per line. */
    private static List<JsonNode> ndjson(String out) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }
}
