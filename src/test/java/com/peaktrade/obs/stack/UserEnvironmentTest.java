package com.peaktrade.obs.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserEnvironmentTest {
    @TempDir
    Path dir;

    @Test
    void configFileFillsGapsButTheShellEnvironmentWins() throws Exception {
        Path file = dir.resolve("env");
        Files.writeString(file, """
                # written by install.sh --offline
                export PEAKTRADE_OBS_GRAFANA_IMAGE=peaktrade-testbed/grafana-standin:1
                PEAKTRADE_OBS_PROMETHEUS_IMAGE="peaktrade-testbed/prometheus:3.5"

                PEAKTRADE_OBS_BIND=127.0.0.1
                """);
        Map<String, String> env = UserEnvironment.merge(Map.of("PEAKTRADE_OBS_BIND", "0.0.0.0"), file);
        assertThat(env).containsEntry("PEAKTRADE_OBS_GRAFANA_IMAGE", "peaktrade-testbed/grafana-standin:1")
                .containsEntry("PEAKTRADE_OBS_PROMETHEUS_IMAGE", "peaktrade-testbed/prometheus:3.5")
                .containsEntry("PEAKTRADE_OBS_BIND", "0.0.0.0");
    }

    @Test
    void missingConfigFileIsNoError() {
        assertThat(UserEnvironment.merge(Map.of("A", "1"), dir.resolve("nope"))).containsExactly(Map.entry("A", "1"));
    }

    @Test
    void configFileLocationFollowsXdgConfigHome() {
        assertThat(UserEnvironment.configFile(Map.of("XDG_CONFIG_HOME", "/x/cfg"), dir))
                .isEqualTo(Path.of("/x/cfg/peaktrade-obs/env"));
        assertThat(UserEnvironment.configFile(Map.of(), dir)).isEqualTo(dir.resolve(".config/peaktrade-obs/env"));
    }

    @Test
    void malformedLineIsAConfigErrorNamingFileAndLine() throws Exception {
        Path file = dir.resolve("env");
        Files.writeString(file, "A=1\nthis is not an assignment\n");
        assertThatThrownBy(() -> UserEnvironment.merge(Map.of(), file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":2");
    }
}
