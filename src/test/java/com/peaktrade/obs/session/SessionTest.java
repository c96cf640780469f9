package com.peaktrade.obs.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.peaktrade.obs.error.EnvironmentException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
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
    void startingAConnectAheadNeverWaitsForOneInProgress() throws Exception {
        // an engine that accepts and never answers: the connect in progress holds on until the engine goes away
        ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Session session = new Session(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + silent.getLocalPort()));
        Socket inProgress = null;
        try {
            session.connectAhead();
            inProgress = silent.accept();
            assertTimeoutPreemptively(Duration.ofSeconds(5), session::connectAhead,
                    "a second connectAhead (verify's, after EngineAhead's) must not wait for the first to finish");
        } finally {
            if (inProgress != null) {
                inProgress.close(); // the connect fails now, whatever the assertion found
            }
            silent.close();
            session.close();
        }
    }

    @Test
    void aSessionThatNeverNeedsTheEngineNeverConnectsAndKeepsItsEnvironment() {
        try (Session session = new Session(Map.of("PROM_URL", "http://127.0.0.1:9092"))) {
            assertThat(session.env()).containsEntry("PROM_URL", "http://127.0.0.1:9092");
        }
    }
}
