package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Telling an engine that never runs healthchecks (podman without systemd) from one still on its first probe. */
class StandInHealthcheckTest {
    /** As podman 4.3 inspects a container: the healthcheck is configured, its log null. */
    private static String podmanContainer(Instant startedAt, String log) {
        return "{\"Id\":\"c1\",\"State\":{\"Status\":\"running\",\"Running\":true,\"StartedAt\":\"" + startedAt + "\","
                + "\"Health\":{\"Status\":\"starting\",\"FailingStreak\":0,\"Log\":" + log + "}},"
                + "\"Config\":{\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"wget -q -O /dev/null http://127.0.0.1:9090/-/ready\"],"
                + "\"Interval\":1000000000,\"Timeout\":3000000000,\"Retries\":5,\"StartPeriod\":60000000000}}}";
    }

    private static InspectedContainer parse(String json) throws Exception {
        return InspectReader.parse(Json.MAPPER.readTree(json));
    }

    @Test
    void aContainerStartingWithNoProbeLoggedLongAfterStartWasNeverProbed() throws Exception {
        assertThat(StandInHealthcheck.engineSkipped(parse(podmanContainer(Instant.now().minusSeconds(30), "null")))).isTrue();
    }

    @Test
    void oneLoggedProbeMeansTheEngineRunsHealthchecks() throws Exception {
        String log = "[{\"Start\":\"x\",\"End\":\"y\",\"ExitCode\":1,\"Output\":\"connection refused\"}]";

        assertThat(StandInHealthcheck.engineSkipped(parse(podmanContainer(Instant.now().minusSeconds(30), log)))).isFalse();
    }

    @Test
    void aContainerJustStartedIsGivenTimeForItsFirstProbe() throws Exception {
        assertThat(StandInHealthcheck.engineSkipped(parse(podmanContainer(Instant.now().minusSeconds(2), "null")))).isFalse();
    }

    @Test
    void theSilenceLimitIsAFewIntervalsPlusTheTimeoutWithTheEnginesDefaultsAndAFloor() {
        assertThat(new StandInHealthcheck(List.of("CMD", "true"), Duration.ofSeconds(1), Duration.ofSeconds(3)).silenceLimit())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(new StandInHealthcheck(List.of("CMD", "true"), Duration.ofSeconds(10), Duration.ofSeconds(5)).silenceLimit())
                .isEqualTo(Duration.ofSeconds(35));
        assertThat(new StandInHealthcheck(List.of("CMD", "true"), Duration.ZERO, Duration.ZERO).silenceLimit())
                .isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aShellTestRunsThroughShAndAnExecTestAsItsArguments() {
        assertThat(new StandInHealthcheck(List.of("CMD-SHELL", "curl -f x || exit 1"), Duration.ZERO, Duration.ZERO).command())
                .contains(List.of("/bin/sh", "-c", "curl -f x || exit 1"));
        assertThat(new StandInHealthcheck(List.of("CMD", "wget", "-q", "x"), Duration.ZERO, Duration.ZERO).command())
                .contains(List.of("wget", "-q", "x"));
    }

    @Test
    void aContainerWithoutHealthcheckOrWithTestNoneHasNone() throws Exception {
        assertThat(parse("{\"Id\":\"c\",\"State\":{\"Running\":true},\"Config\":{}}").healthcheck()).isNull();
        assertThat(parse("{\"Id\":\"c\",\"State\":{\"Running\":true},\"Config\":{\"Healthcheck\":{\"Test\":[\"NONE\"]}}}")
                .healthcheck()).isNull();
    }
}
