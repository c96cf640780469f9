package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.EnvironmentException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hung daemon still accepts connections but never answers: the first call must not wait for
 * docker-java's 10-minute response timeout, and the error must say what happened.
 */
class HungEngineTest {
    @Test
    void anEngineThatTakesTheConnectionButNeverAnswersFailsAfterTheConfiguredTimeWithARestartHint() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread holder = new Thread(() -> {
                try (Socket held = silent.accept()) {
                    held.getInputStream().readAllBytes(); // reads the request, answers nothing
                } catch (Exception closed) {
                    // the client gave up
                }
            });
            holder.setDaemon(true);
            holder.start();
            Map<String, String> env = Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + silent.getLocalPort(),
                    DockerEngine.ANSWER_TIMEOUT_ENV, "1");

            EnvironmentException failure = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> catchEnvironmentException(env));

            assertThat(failure.getMessage()).contains("Docker engine not answering")
                    .contains("took the connection but sent no answer to /version within 1 s");
            assertThat(failure.hint()).contains("hung").contains("restart").contains(DockerEngine.ANSWER_TIMEOUT_ENV);
        }
    }

    @Test
    void aTimeoutThatIsNotSecondsIsABadSettingNamedBeforeAnyConnect() {
        assertThatThrownBy(() -> DockerEngine.connect(Map.of("DOCKER_HOST", "tcp://127.0.0.1:9", DockerEngine.ANSWER_TIMEOUT_ENV, "30s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PEAKTRADE_OBS_ENGINE_TIMEOUT must be a number of seconds from 1 to 3600, got '30s'");
        assertThat(DockerEngine.answerTimeout(Map.of())).isEqualTo(Duration.ofSeconds(DockerEngine.DEFAULT_ANSWER_SECONDS));
    }

    private static EnvironmentException catchEnvironmentException(Map<String, String> env) {
        try (DockerEngine unexpected = DockerEngine.connect(env)) {
            throw new AssertionError("connected to a silent engine: " + unexpected.describe());
        } catch (EnvironmentException expected) {
            return expected;
        }
    }
}
