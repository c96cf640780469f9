package com.peaktrade.obs.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Docker engine the way the docker CLI and Docker Desktop users expect: DOCKER_HOST (with
 * DOCKER_TLS_VERIFY/DOCKER_CERT_PATH), else DOCKER_CONTEXT, else the current docker context, else
 * the first well-known socket that exists. Pure lookup: it
 * returns candidates in order; {@link DockerEngine#connect} tries them.
 */
public final class DockerHostDiscovery {
    private final Map<String, String> env;
    private final Path home;

    public DockerHostDiscovery(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static DockerHostDiscovery fromSystem(Map<String, String> env) {
        return new DockerHostDiscovery(env, Path.of(System.getProperty("user.home")));
    }

    /**
     * The endpoints to try, in order. An explicit choice (DOCKER_HOST, or a docker context other
     * than "default") is the only candidate: silently using another engine would be surprising.
     */
    public List<DockerEndpoint> candidates() {
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            // as the docker CLI: any non-empty DOCKER_TLS_VERIFY (even "0") means TLS, verified
            boolean tls = !env.getOrDefault("DOCKER_TLS_VERIFY", "").isEmpty() && dockerHost.trim().startsWith("tcp://");
            Path certs = Optional.ofNullable(env.get("DOCKER_CERT_PATH")).filter(s -> !s.isBlank()).map(Path::of)
                    .orElse(configDir());
            return List.of(new DockerEndpoint(dockerHost.trim(), "DOCKER_HOST", tls ? certs : null, null));
        }
        Optional<DockerEndpoint> context = currentContext();
        if (context.isPresent()) {
            return List.of(context.get());
        }
        List<DockerEndpoint> sockets = new ArrayList<>();
        addSocket(sockets, Path.of("/var/run/docker.sock"), "default socket");
        addSocket(sockets, home.resolve(".docker/run/docker.sock"), "Docker Desktop socket");
        addSocket(sockets, home.resolve(".colima/default/docker.sock"), "Colima socket");
        addSocket(sockets, home.resolve(".rd/docker.sock"), "Rancher Desktop socket");
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            addSocket(sockets, Path.of(runtimeDir, "podman/podman.sock"), "Podman socket");
        }
        if (sockets.isEmpty()) {
            // nothing exists: still try the default so the error names it
            sockets.add(new DockerEndpoint("unix:///var/run/docker.sock", "default socket (missing)"));
        }
        return sockets;
    }

    private static void addSocket(List<DockerEndpoint> into, Path socket, String source) {
        if (Files.exists(socket)) {
            into.add(new DockerEndpoint("unix://" + socket, source));
        }
    }

    /** $DOCKER_CONFIG, else ~/.docker: the docker CLI's config.json, contexts and default certificates. */
    private Path configDir() {
        return Optional.ofNullable(env.get("DOCKER_CONFIG")).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(home.resolve(".docker"));
    }

    /**
     * DOCKER_CONTEXT, else currentContext of config.json; "default" means none. A context's TLS
     * material is in contexts/tls/&lt;sha256 of its name&gt;/docker (docker context create --docker
     * host=…,ca=…,cert=…,key=… copies it there).
     */
    Optional<DockerEndpoint> currentContext() {
        Path configDir = configDir();
        String name = env.get("DOCKER_CONTEXT");
        String source = "DOCKER_CONTEXT";
        if (name == null || name.isBlank()) {
            JsonNode config = readJson(configDir.resolve("config.json"));
            name = config == null ? null : config.path("currentContext").asText(null);
            source = "current context";
        }
        if (name == null || name.isBlank() || name.equals("default")) {
            return Optional.empty();
        }
        Path meta = configDir.resolve("contexts/meta").resolve(sha256(name)).resolve("meta.json");
        JsonNode doc = readJson(meta);
        String host = doc == null ? null : doc.path("Endpoints").path("docker").path("Host").asText(null);
        if (host == null || host.isBlank()) {
            return Optional.of(new DockerEndpoint("unix:///var/run/docker.sock",
                    source + " '" + name + "' has no readable endpoint in " + meta + "; using the default socket", null, name));
        }
        Path tls = configDir.resolve("contexts/tls").resolve(sha256(name)).resolve("docker");
        boolean speaksTls = host.startsWith("tcp://") && Files.isDirectory(tls);
        return Optional.of(new DockerEndpoint(host, source + " '" + name + "'", speaksTls ? tls : null, name));
    }

    private static JsonNode readJson(Path file) {
        try {
            // a mapper only when there is a file to read: it costs start-up time on the connect's path
            return Files.isReadable(file) ? new ObjectMapper().readTree(file.toFile()) : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
