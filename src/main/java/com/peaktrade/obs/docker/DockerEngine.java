package com.peaktrade.obs.docker;

import com.github.dockerjava.api.DockerClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.peaktrade.obs.http.Json;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.error.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A connected Docker engine. The API version is left unversioned (the engine's own), which works
 * from the testbed's 1.41 up to current engines; pinning a version breaks on one side or the other.
 */
public final class DockerEngine implements AutoCloseable {
    private static volatile Consumer<String> connectionReport = line -> { };
    private final DockerHttpClient http;
    private final DockerEndpoint endpoint;
    private final EngineTransport transport;
    private final EngineVersion version;
    private DockerClient client;

    private DockerEngine(DockerHttpClient http, DockerEndpoint endpoint, EngineTransport transport, EngineVersion version) {
        this.http = http;
        this.endpoint = endpoint;
        this.transport = transport;
        this.version = version;
    }

    /** /version's answer, the fields we show and judge by. */
    record EngineVersion(String version, String apiVersion, String os, String arch, String product) {
        static EngineVersion of(JsonNode answer) {
            return new EngineVersion(Json.text(answer, "Version", "?"), Json.text(answer, "ApiVersion", "?"),
                    Json.text(answer, "Os", "?"), Json.text(answer, "Arch", "?"), productOf(answer.path("Components")));
        }
    }

    /**
     * Where to tell which engine every connection reached and how (--debug). A process-wide
     * setting because --debug is one, and commands connect in many places.
     */
    public static void reportConnectionsTo(Consumer<String> report) {
        connectionReport = report == null ? line -> { } : report;
    }

    /**
     * Tries each discovered endpoint; the first that answers /version wins. A TLS or ssh failure is
     * explained in its own terms (exit 3); if no endpoint answers, one EnvironmentException (exit 3)
     * lists every endpoint and why it failed.
     */
    public static DockerEngine connect(Map<String, String> env) {
        Duration answerWithin = answerTimeout(env);
        List<DockerEndpoint> candidates = DockerHostDiscovery.fromSystem(env).candidates();
        List<String> failures = new ArrayList<>();
        boolean hung = false;
        for (DockerEndpoint candidate : candidates) {
            EngineTransport transport = EngineTransport.open(candidate, env, System.console() != null);
            DockerHttpClient http = null;
            try {
                http = newHttpClient(transport);
                // not over ssh: its own connect and key exchange may take long, and what ssh says when
                // it fails comes through the relay (EngineTransport.explain)
                EngineVersion version = EngineVersion.of(candidate.host().startsWith("ssh://")
                        ? EngineCalls.readJson(http, "/version") : versionWithin(http, answerWithin));
                DockerEngine engine = new DockerEngine(http, candidate, transport, version);
                connectionReport.accept("engine: " + engine.describe() + ", reached via " + engine.connection());
                return engine;
            } catch (RuntimeException e) {
                closeQuietly(http);
                transport.close();
                Optional<EnvironmentException> explained = transport.explain(e);
                if (explained.isPresent()) {
                    throw explained.get();
                }
                hung |= e instanceof NoAnswer;
                failures.add(candidate + ": " + rootMessage(e));
            }
        }
        DockerEndpoint chosen = candidates.get(0);
        if (hung) {
            throw new EnvironmentException("Docker engine not answering: " + String.join("; ", failures),
                    "an engine that takes connections but does not answer is hung: restart it (Docker Desktop: restart it; "
                            + "Linux: `sudo systemctl restart docker`); for a slow one, raise " + ANSWER_TIMEOUT_ENV);
        }
        String hint = chosen.context() != null
                ? "the docker context '" + chosen.context() + "' points at " + chosen.host() + ": start that engine, or choose "
                        + "another context (`docker context use default`" + (chosen.source().startsWith("DOCKER_CONTEXT")
                                ? ", or unset DOCKER_CONTEXT)" : ")")
                : "start Docker (Docker Desktop, or `sudo systemctl start docker`; offline machines: "
                        + "scripts/testbed.sh --engine), or point DOCKER_HOST / the docker context at a running engine";
        throw new EnvironmentException("Docker engine not reachable: " + String.join("; ", failures), hint);
    }

    /** What {@code PEAKTRADE_OBS_ENGINE_TIMEOUT} (seconds) overrides: how long the engine has for its first answer. */
    static final int DEFAULT_ANSWER_SECONDS = 30;
    static final String ANSWER_TIMEOUT_ENV = "PEAKTRADE_OBS_ENGINE_TIMEOUT";
    private static final String NO_ANSWER = "took the connection but sent no answer to /version";

    static Duration answerTimeout(Map<String, String> env) {
        return Duration.ofSeconds(ConfigException.intSetting(env, ANSWER_TIMEOUT_ENV, DEFAULT_ANSWER_SECONDS, 1, 3600,
                () -> new ConfigException(ANSWER_TIMEOUT_ENV + " must be a number of seconds from 1 to 3600, got '"
                        + env.get(ANSWER_TIMEOUT_ENV) + "'", "e.g. " + ANSWER_TIMEOUT_ENV + "=60, or unset it for " + DEFAULT_ANSWER_SECONDS)));
    }

    /** An engine that took the connection and sent nothing back within the bound (a hung daemon). */
    private static final class NoAnswer extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        NoAnswer(Duration bound) {
            super(new SocketTimeoutException(NO_ANSWER + " within " + bound.toSeconds() + " s"));
        }
    }

    /**
     * /version within {@code bound}: docker-java's response timeout is 10 minutes (pulls and log
     * streams are slow), and a hung daemon that still accepts connections would hold every command
     * that long. On timeout the caller closes the transport, which ends the waiting read.
     */
    private static JsonNode versionWithin(DockerHttpClient http, Duration bound) {
        FutureTask<JsonNode> ask = new FutureTask<>(() -> EngineCalls.readJson(http, "/version"));
        Thread asking = new Thread(ask, "engine-version");
        asking.setDaemon(true);
        asking.start();
        try {
            return ask.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new NoAnswer(bound);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while waiting for the engine's first answer", "rerun", e);
        }
    }

    private static DockerHttpClient newHttpClient(EngineTransport transport) {
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(transport.dockerHost()))
                .sslConfig(transport.sslConfig())
                .connectionTimeout(Duration.ofSeconds(3))
                // pulls and log streams can be slow; individual waits are bounded by their callers
                .responseTimeout(Duration.ofMinutes(10))
                .maxConnections(32)
                .build();
    }

    /**
     * docker-java's client over this connection, made at its first use: read-only commands (verify,
     * status) read the few answers they need as JSON ({@link EngineCalls#findJson}) and never pay for
     * it. Host and TLS come from the transport: docker-java would otherwise apply DOCKER_TLS_VERIFY or
     * the current context itself, and its reading of PEM files needs BouncyCastle.
     */
    public synchronized DockerClient client() {
        if (client == null) {
            var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerContext("default")
                    .withDockerHost(transport.dockerHost()).withDockerTlsVerify(false).build();
            client = DockerClientImpl.getInstance(config, http);
        }
        return client;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.strip());
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException ignored) {
                // a failed candidate holds nothing worth reporting
            }
        }
    }

    /** The engine's calls, each failure translated and naming this engine (see {@link EngineCalls}). */
    EngineCalls calls() {
        return new EngineCalls(this::client, () -> http, "the " + (product().equals("Docker") ? "Docker engine" : product()) + " at " + endpoint,
                failure -> transport.explain(failure, true));
    }

    /** How this machine reaches the ports the engine publishes (tunnels close with the engine). */
    PortReach ports() {
        return transport.ports();
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    /**
     * How the engine was reached and which rule chose it: "socket /var/run/docker.sock, chosen by
     * default socket", "tcp://… with TLS, CA CN=…, chosen by DOCKER_HOST", "ssh root@box, chosen by …".
     */
    public String connection() {
        return transport.describe() + ", chosen by " + endpoint.source();
    }

    /** "Docker 20.10.24, API 1.41, linux/amd64"; "Podman Engine 4.3.1, API 1.41, linux/amd64" for podman's Docker API. */
    public String describe() {
        return product() + " " + version.version() + ", API " + version.apiVersion() + ", " + version.os() + "/" + version.arch();
    }

    /**
     * Which engine answers: Docker's /version lists its daemon as the component "Engine", podman's
     * as "Podman Engine" (with the same Docker API version, so only the name tells them apart).
     */
    public String product() {
        return version.product();
    }

    static String productOf(JsonNode components) {
        for (JsonNode component : components) {
            String name = Json.text(component, "Name");
            if (name != null && name.endsWith("Engine") && !name.equals("Engine")) {
                return name;
            }
        }
        return "Docker";
    }

    public String apiVersion() {
        return version.apiVersion();
    }

    @Override
    public void close() {
        synchronized (this) {
            closeQuietly(client != null ? client : http); // the client closes its transport
        }
        transport.close();
    }
}
