package com.peaktrade.obs.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.peaktrade.obs.http.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a container's state and environment from the engine's inspect answer as a JSON tree, over
 * docker-java's own transport. docker-java maps that answer onto its complete model (HostConfig,
 * NetworkSettings, mounts, … dozens of classes), and building those deserializers took 130–230 ms
 * at a command's first inspect (JFR), paid by every `up`, `status` and `verify` for the handful of
 * fields they read. Commands that need the full model (the debug commands, recreation) still use it.
 */
final class InspectReader {
    private final EngineCalls calls;

    InspectReader(EngineCalls calls) {
        this.calls = calls;
    }

    InspectReader(DockerClient docker) {
        this(EngineCalls.of(docker));
    }

    /** The container, or empty when the engine does not know it (404). */
    Optional<InspectedContainer> inspect(String nameOrId) {
        return calls.findJson("inspect container " + nameOrId, "/containers/" + URLEncoder.encode(nameOrId, StandardCharsets.UTF_8)
                + "/json").map(InspectReader::parse);
    }

    static InspectedContainer parse(JsonNode tree) {
        JsonNode state = tree.path("State");
        JsonNode exit = state.get("ExitCode");
        List<String> env = new ArrayList<>();
        tree.path("Config").path("Env").forEach(v -> env.add(v.asText()));
        return new InspectedContainer(
                Json.text(tree, "Id"),
                Json.text(state, "Status", ""),
                state.path("Running").asBoolean(false),
                state.path("Restarting").asBoolean(false),
                Json.text(state.path("Health"), "Status", ""),
                exit == null || exit.isNull() ? null : exit.asLong(),
                Json.text(state, "StartedAt"),
                env,
                healthcheck(tree.path("Config").path("Healthcheck")),
                state.path("Health").path("Log").size());
    }

    /** Null without a healthcheck; intervals come in nanoseconds, absent or 0 for the engine's default. */
    private static StandInHealthcheck healthcheck(JsonNode config) {
        List<String> test = Json.strings(config.path("Test"));
        if (test.isEmpty() || "NONE".equals(test.get(0))) {
            return null;
        }
        return new StandInHealthcheck(test, java.time.Duration.ofNanos(config.path("Interval").asLong(0)),
                java.time.Duration.ofNanos(config.path("Timeout").asLong(0)));
    }
}
