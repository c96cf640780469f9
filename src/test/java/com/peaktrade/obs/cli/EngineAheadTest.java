package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The engine is connected before parsing only where the run surely needs it: never in URL mode, never for help. */
class EngineAheadTest {
    @ParameterizedTest
    @ValueSource(strings = {"shadow verify", "grafana verify -p team", "--color never shadow verify --format json",
        "shadow up", "shadow up --verify --prometheus-url http://prom:9090", "grafana up -p x --timeout 30s"})
    void stackVerifyAndUpConnectAhead(String line) {
        assertThat(EngineAhead.command(line.split(" "))).isIn("up", "verify");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shadow verify --prometheus-url http://prom:9090", "shadow verify --grafana-url=http://g:3000",
        "shadow verify --exporter-url http://e:9109/metrics -p x", "shadow verify --help", "shadow up -h", "shadow verify --debug",
        "shadow status", "shadow down", "debug ps", "lint", "team verify", "--version", "shadow", "@args.txt",
        "-- shadow verify"})
    void everythingElseConnectsWhenTheCommandAsks(String line) {
        assertThat(EngineAhead.command(line.split(" "))).isNull();
    }

    @Test
    void aUrlInTheEnvironmentMayMeanUrlModeSoVerifyWaits() {
        assertThat(EngineAhead.surelyNeeded("verify", Map.of())).isTrue();
        assertThat(EngineAhead.surelyNeeded("verify", Map.of("PROM_URL", "http://prom:9090"))).isFalse();
        assertThat(EngineAhead.surelyNeeded("verify", Map.of("GRAFANA_URL", " "))).isTrue();
        assertThat(EngineAhead.surelyNeeded("up", Map.of("GRAFANA_URL", "http://g:3000"))).isTrue();
    }
}
