package com.peaktrade.obs.docker;

import java.nio.file.Path;

/**
 * Where the engine was found and which rule chose it (shown by --debug and docker.daemon).
 *
 * @param host    as the user wrote it: unix:///…, tcp://host:port, ssh://user@host
 * @param source  the rule: "DOCKER_HOST", "DOCKER_CONTEXT 'x'", "current context 'x'", "default socket"
 * @param tlsDir  the directory with ca.pem/cert.pem/key.pem when the engine speaks TLS, else null
 * @param context the docker context that named the engine, else null
 */
public record DockerEndpoint(String host, String source, Path tlsDir, String context) {
    public DockerEndpoint(String host, String source) {
        this(host, source, null, null);
    }

    public String scheme() {
        int colon = host.indexOf("://");
        return colon < 0 ? "" : host.substring(0, colon);
    }

    /** A socket on this machine: the engine sees this machine's files. */
    public boolean local() {
        return scheme().equals("unix") || scheme().equals("npipe");
    }

    @Override
    public String toString() {
        return host + " (" + source + ")";
    }
}
