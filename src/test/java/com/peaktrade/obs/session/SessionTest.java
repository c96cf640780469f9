package com.peaktrade.obs.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.EnvironmentException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One session per command run: the engine is asked once, and a failed connect is the same answer for every caller. */
class SessionTest {
    private static final Map<String, String> NO_ENGINE = Map.of("DOCKER_HOST", "unix:///nonexistent/peaktrade-obs-session.sock");

    @Test
    void aFailedConnectIsRememberedAndThrownAgainWithoutAskingTheEngineTwice() {
        try (Session session = new Session(NO_ENGINE)) {
            Throwable first = org.assertj.core.api.Assertions.catchThrowable(session::engine);
            assertThat(first).isInstanceOf(EnvironmentException.class).hasMessageContaining("nonexistent/peaktrade-obs-session.sock");
            assertThatThrownBy(session::engine).isSameAs(first);
            assertThat(session.engineReachable()).isFalse();
        }
    }

    @Test
    void aConnectStartedAheadReportsItsFailureToTheFirstCallerThatNeedsTheEngine() {
        try (Session session = new Session(NO_ENGINE)) {
            session.connectAhead();
            assertThatThrownBy(session::compose).isInstanceOf(EnvironmentException.class);
        }
    }

    @Test
    void aSessionThatNeverNeedsTheEngineNeverConnectsAndKeepsItsEnvironment() {
        try (Session session = new Session(Map.of("PROM_URL", "http://127.0.0.1:9092"))) {
            assertThat(session.env()).containsEntry("PROM_URL", "http://127.0.0.1:9092");
        }
    }
}
