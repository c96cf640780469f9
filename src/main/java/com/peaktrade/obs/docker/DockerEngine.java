package com.peaktrade.obs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.http.PlaintextOnly;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connected Docker engine. The API version is left unversioned (the engine's own), which works
 * from the testbed's 1.41 up to current engines; pinning a version breaks on one side or the other.
 */
public final class DockerEngine implements AutoCloseable {
    private final DockerClient client;
    private final DockerEndpoint endpoint;
    private final Version version;

    private DockerEngine(DockerClient client, DockerEndpoint endpoint, Version version) {
        this.client = client;
        this.endpoint = endpoint;
        this.version = version;
    }

    /**
     * Tries each discovered endpoint; the first that answers /version wins. If none does, one
     * EnvironmentException (exit 3) lists every endpoint and why it failed.
     */
    public static DockerEngine connect(Map<String, String> env) {
        List<String> failures = new ArrayList<>();
        for (DockerEndpoint candidate : DockerHostDiscovery.fromSystem(env).candidates()) {
            DockerClient client = null;
            try {
                client = newClient(candidate.host());
                Version version = client.versionCmd().exec();
                return new DockerEngine(client, candidate, version);
            } catch (RuntimeException e) {
                failures.add(candidate + ": " + rootMessage(e));
                closeQuietly(client);
            }
        }
        throw new EnvironmentException("Docker engine not reachable: " + String.join("; ", failures),
                "start Docker (Docker Desktop, or `sudo systemctl start docker`; offline machines: "
                        + "scripts/testbed.sh --engine), or point DOCKER_HOST / the docker context at a running engine");
    }

    private static DockerClient newClient(String host) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(sslConfig(config))
                .connectionTimeout(Duration.ofSeconds(3))
                // pulls and log streams can be slow; individual waits are bounded by their callers
                .responseTimeout(Duration.ofMinutes(10))
                .maxConnections(32)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /**
     * The engine's TLS settings, if it has any. A local socket never speaks TLS, but the transport
     * still builds a TLS strategy, from the system default context unless given one: that loads the
     * JDK trust store, the costliest part of building the client. So a socket gets the refusing
     * {@link PlaintextOnly} context. Not a tcp:// host: for it, any context at all means https.
     */
    static SSLConfig sslConfig(DockerClientConfig config) {
        if (config.getSSLConfig() != null) {
            return config.getSSLConfig();
        }
        String scheme = config.getDockerHost().getScheme();
        return "unix".equals(scheme) || "npipe".equals(scheme) ? PlaintextOnly::context : null;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.strip());
    }

    private static void closeQuietly(DockerClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (IOException | RuntimeException ignored) {
                // a failed candidate holds nothing worth reporting
            }
        }
    }

    public DockerClient client() {
        return client;
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    /** "Docker 20.10.24, API 1.41, linux/amd64". */
    public String describe() {
        return "Docker " + version.getVersion() + ", API " + version.getApiVersion() + ", "
                + version.getOperatingSystem() + "/" + version.getArch();
    }

    public String apiVersion() {
        return version.getApiVersion();
    }

    @Override
    public void close() {
        closeQuietly(client);
    }
}
