package com.peaktrade.obs.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Configuration that stops Grafana: the container exits non-zero and its log says why. */
@ExtendWith(EngineExtension.class)
class StandInFatalStartIT {

    @Test
    void fact9_twoDefaultDatasourcesInOneOrgExitNonZeroWithTheRealMessage(TestEngine engine, @TempDir Path dir) {
        Path fixture = GrafanaContainers.fixture("two-defaults", dir);
        var grafana = GrafanaContainers.startGrafana(engine, null, fixture.resolve("provisioning"), List.of(), null,
                List.of("STANDIN_COLD_START_MS=300"));
        var state = GrafanaContainers.awaitExit(engine, grafana.id(), Duration.ofSeconds(120));
        String logs = engine.logs(grafana.id());
        assertThat(state.getExitCodeLong()).as(logs).isNotZero();
        assertThat(logs).contains("msg=\"Failed to provision data sources\" error=\"Datasource provisioning error: "
                + "datasource.yaml config is invalid. Only one datasource per organization can be marked as default\"");
    }

    @Test
    void fact11_settingBothAVariableAndItsFileVariantExits1(TestEngine engine, @TempDir Path dir) {
        Path fixture = GrafanaContainers.fixture("two-defaults", dir);
        var grafana = GrafanaContainers.startGrafana(engine, null, fixture.resolve("provisioning"), List.of(), null,
                List.of("GF_SECURITY_ADMIN_PASSWORD=secret", "GF_SECURITY_ADMIN_PASSWORD__FILE=/etc/hostname"));
        var state = GrafanaContainers.awaitExit(engine, grafana.id(), Duration.ofSeconds(60));
        String logs = engine.logs(grafana.id());
        assertThat(state.getExitCodeLong()).as(logs).isEqualTo(1);
        assertThat(logs).contains("GF_SECURITY_ADMIN_PASSWORD").contains("GF_SECURITY_ADMIN_PASSWORD__FILE")
                .containsIgnoringCase("are set (but are exclusive)");
    }
}
