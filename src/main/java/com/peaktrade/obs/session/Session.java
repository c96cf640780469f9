package com.peaktrade.obs.session;

import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.DockerEngine;
import com.peaktrade.obs.stack.UserEnvironment;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One command run's environment and Docker engine. The environment (shell over the user config
 * file) is read once. The engine is connected on first use, or ahead of it with
 * {@link #connectAhead()}; a failed connect is remembered and thrown again to every later caller
 * (the engine is not asked twice, and verify's docker.daemon reports the same failure the rest
 * sees). A command given only URLs never connects. Closing closes the connection if one was made.
 */
public final class Session implements AutoCloseable, Supplier<DockerEngine> {
    private final Map<String, String> env;
    // held for a whole connect; `this` guards only the fields, so starting a connect ahead or
    // closing never waits for one in progress
    private final Object connecting = new Object();
    private volatile DockerEngine engine;
    private volatile RuntimeException failure;
    private CompletableFuture<Void> ahead;

    public Session(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The session {@link #openAhead()} opened for this run's command to take. */
    private static final AtomicReference<Session> AHEAD = new AtomicReference<>();

    /**
     * A session over this process's environment (shell over the user config file): the one opened
     * ahead for this run if there is one, else a new one.
     */
    public static Session open() {
        Session ahead = AHEAD.getAndSet(null);
        return ahead != null ? ahead : new Session(UserEnvironment.load());
    }

    /**
     * Opens this run's session before the command line is parsed and, when {@code needsEngine} says
     * its environment surely needs the engine, starts connecting now (verify's path: the connect then
     * overlaps picocli's ~150 ms). The command's {@link #open()} takes it; {@link #discardAhead()} closes it
     * when no command did (a usage error).
     */
    public static void openAhead(Predicate<Map<String, String>> needsEngine) {
        Session session = new Session(UserEnvironment.load());
        if (needsEngine.test(session.env())) {
            session.connectAhead();
        }
        Session replaced = AHEAD.getAndSet(session);
        if (replaced != null) {
            replaced.close();
        }
    }

    /** Closes a session opened ahead that no command took. */
    public static void discardAhead() {
        Session unused = AHEAD.getAndSet(null);
        if (unused != null) {
            unused.close();
        }
    }

    public Map<String, String> env() {
        return env;
    }

    /** The engine, connected now if not yet (exit 3 with the reasons when no engine answers, every time). */
    public DockerEngine engine() {
        CompletableFuture<Void> pending;
        synchronized (this) {
            pending = ahead;
        }
        if (pending != null) {
            pending.join(); // never completes exceptionally: a failure is kept in this object
        }
        return connect();
    }

    private DockerEngine connect() {
        synchronized (connecting) {
            if (engine == null && failure == null) {
                try {
                    engine = DockerEngine.connect(env);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return engine;
        }
    }

    /** {@link #engine()}, as the supplier verify's checks get. */
    @Override
    public DockerEngine get() {
        return engine();
    }

    /** True when the engine is (or now gets) connected; a failure stays remembered for {@link #engine()}. */
    public boolean engineReachable() {
        try {
            engine();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public ComposeEngine compose() {
        return new ComposeEngine(engine());
    }

    /**
     * Starts connecting in the background, so the connect (client set-up, /version) overlaps work
     * that does not need the engine yet (up: reading the compose files). {@link #engine()} waits for it.
     */
    public synchronized void connectAhead() {
        if (ahead == null && engine == null && failure == null) {
            ahead = CompletableFuture.runAsync(() -> {
                try {
                    connect();
                } catch (RuntimeException rememberedForEngine) {
                    // engine() throws it to the caller that needs the engine
                }
            });
        }
    }

    /** Closes the connection; one still being made ahead is closed when it is done (closing never waits for it). */
    @Override
    public void close() {
        CompletableFuture<Void> pending;
        synchronized (this) {
            pending = ahead;
        }
        if (pending != null && !pending.isDone()) {
            pending.thenRun(this::disconnect);
        } else {
            disconnect();
        }
    }

    private void disconnect() {
        synchronized (connecting) {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }
}
