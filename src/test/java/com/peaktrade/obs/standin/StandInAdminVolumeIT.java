package com.peaktrade.obs.standin;

import static com.peaktrade.obs.standin.GrafanaContainers.ADMIN;
import static com.peaktrade.obs.standin.GrafanaContainers.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.standin.GrafanaContainers.Grafana;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The admin password lives in the data volume (grafana-facts.md §11), and so do failed logins (§2). */
@ExtendWith(EngineExtension.class)
class StandInAdminVolumeIT {
    private static final String INVALID = "{\"extra\":null,\"message\":\"Invalid username or password\","
            + "\"messageId\":\"password-auth.failed\",\"statusCode\":401,\"traceID\":\"\"}";

    private static Grafana start(TestEngine engine, Path provisioning, String volume, String password) {
        Grafana g = GrafanaContainers.startGrafana(engine, null, provisioning, List.of(), volume,
                List.of("GF_SECURITY_ADMIN_PASSWORD=" + password, "STANDIN_COLD_START_MS=300"));
        engine.awaitHttp(g.base() + "/api/health", 200, Duration.ofSeconds(90));
        return g;
    }

    private static int status(Grafana g, String password) {
        return get(g.base() + "/api/folders", ADMIN, password).status();
    }

    @Test
    void fact11_staleVolumeKeepsTheFirstPassword_fact2_fiveFailuresLockOutTheRightPasswordAcrossRestarts(
            TestEngine engine, @TempDir Path dir) throws Exception {
        Path provisioning = Files.createDirectories(dir.resolve("provisioning"));
        dir.toFile().setExecutable(true, false);
        provisioning.toFile().setExecutable(true, false);
        provisioning.toFile().setReadable(true, false);
        String volume = GrafanaContainers.createVolume(engine, "grafana-data");

        Grafana first = start(engine, provisioning, volume, "first-secret");
        assertThat(status(first, "first-secret")).as(engine.logs(first.id())).isEqualTo(200);
        engine.docker().removeContainerCmd(first.id()).withForce(true).exec();

        Grafana second = start(engine, provisioning, volume, "second-secret");
        var changed = get(second.base() + "/api/folders", ADMIN, "second-secret");
        assertThat(changed.status()).as("the new GF_SECURITY_ADMIN_PASSWORD on a stale volume").isEqualTo(401);
        assertThat(changed.body()).isEqualTo(INVALID);
        assertThat(status(second, "first-secret")).as("the password the volume was created with").isEqualTo(200);

        // §2: the one failure above plus four more make five within five minutes: locked out
        for (int i = 0; i < 4; i++) {
            assertThat(status(second, "wrong-" + i)).isEqualTo(401);
        }
        var locked = get(second.base() + "/api/folders", ADMIN, "first-secret");
        assertThat(locked.status()).as("right password while locked out").isEqualTo(401);
        assertThat(locked.body()).isEqualTo(INVALID);
        assertThat(get(second.base() + "/api/health", null, null).status()).isEqualTo(200);

        engine.docker().restartContainerCmd(second.id()).withTimeout(10).exec();
        engine.awaitHttp(second.base() + "/api/health", 200, Duration.ofSeconds(90));
        assertThat(status(second, "first-secret")).as("failed logins are kept in the DB across restarts")
                .isEqualTo(401);
    }
}
