package com.peaktrade.obs.docker;

import com.github.dockerjava.transport.SSLConfig;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.http.PlaintextOnly;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * How docker-java reaches one endpoint: the host it is given, its TLS context, and for ssh the
 * relay that runs ssh. Also explains a failed connection in the transport's own terms (a
 * certificate problem, what ssh said) instead of docker-java's wrapped exception.
 */
final class EngineTransport implements AutoCloseable {
    private final DockerEndpoint endpoint;
    private final String dockerHost;
    private final SSLConfig sslConfig;
    private final EngineTls tls;
    private final SshRelay relay;
    private final SshTarget ssh;
    private final PortReach ports;

    private EngineTransport(DockerEndpoint endpoint, String dockerHost, SSLConfig sslConfig, EngineTls tls,
            SshRelay relay, SshTarget ssh, PortReach ports) {
        this.ports = ports;
        this.endpoint = endpoint;
        this.dockerHost = dockerHost;
        this.sslConfig = sslConfig;
        this.tls = tls;
        this.relay = relay;
        this.ssh = ssh;
    }

    /**
     * Prepares the transport; TLS files that cannot be used, a missing ssh binary or a malformed
     * address fail here (exit 3/2), before any connection.
     */
    static EngineTransport open(DockerEndpoint endpoint, Map<String, String> env, boolean onTerminal) {
        switch (endpoint.scheme()) {
            case "unix", "npipe":
                // a socket never speaks TLS; the refusing context spares loading the JDK trust store
                return new EngineTransport(endpoint, endpoint.host(), PlaintextOnly::context, null, null, null, PortReach.here());
            case "ssh":
                SshTarget target = SshTarget.parse(endpoint.host());
                requireSsh(env);
                List<String> options = Arrays.stream(env.getOrDefault("PEAKTRADE_OBS_SSH_OPTS", "").trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList();
                try {
                    SshRelay relay = SshRelay.start(target.command(options, !onTerminal));
                    return new EngineTransport(endpoint, relay.dockerHost(), PlaintextOnly::context, null, relay, target,
                            PortReach.ssh(target, options, !onTerminal));
                } catch (IOException e) {
                    throw new EnvironmentException("cannot prepare the ssh connection to " + target.describe() + ": "
                            + e.getMessage(), "check that the temporary directory is writable", e);
                }
            default:
                if (endpoint.tlsDir() == null) {
                    // tcp:// without TLS settings: no context at all, or docker-java would speak https
                    return new EngineTransport(endpoint, endpoint.host(), null, null, null, null, PortReach.tcp(endpoint.host()));
                }
                EngineTls tls = EngineTls.load(endpoint.tlsDir(), endpoint.source());
                return new EngineTransport(endpoint, endpoint.host(), tls::context, tls, null, null, PortReach.tcp(endpoint.host()));
        }
    }

    private static void requireSsh(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        boolean found = Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isEmpty())
                .map(dir -> Path.of(dir, "ssh")).anyMatch(Files::isExecutable);
        if (!found) {
            throw new EnvironmentException("the Docker engine is reached over ssh, but no ssh program is on PATH",
                    "install the OpenSSH client (Debian/Ubuntu: apt-get install openssh-client; macOS and Windows have it)");
        }
    }

    String dockerHost() {
        return dockerHost;
    }

    SSLConfig sslConfig() {
        return sslConfig;
    }

    /** How this machine reaches the ports the engine publishes. */
    PortReach ports() {
        return ports;
    }

    /** "socket /var/run/docker.sock", "tcp://10.0.0.5:2376 with TLS (CA CN=…)", "ssh root@box:2222". */
    String describe() {
        if (ssh != null) {
            return "ssh " + ssh.describe() + " (docker system dial-stdio)";
        }
        if (endpoint.local()) {
            return "socket " + endpoint.host().substring(endpoint.scheme().length() + 3);
        }
        return endpoint.host() + (tls == null ? " without TLS" : " with TLS, " + tls.describe());
    }

    /**
     * The failure as the user can act on it, when the transport knows better than the Engine API
     * client: a certificate the other side or we refused, or ssh's own words.
     */
    Optional<EnvironmentException> explain(Throwable failure) {
        return explain(failure, false);
    }

    /**
     * As {@link #explain(Throwable)}; once the engine has answered ({@code answeredBefore}), a
     * connection that breaks is no longer read as a refused certificate: the engine went away.
     */
    Optional<EnvironmentException> explain(Throwable failure, boolean answeredBefore) {
        if (relay != null && relay.lastFailure() != null) {
            return Optional.of(sshFailure(relay.lastFailure(), failure));
        }
        if (tls != null) {
            return tlsFailure(failure, !answeredBefore);
        }
        return Optional.empty();
    }

    private EnvironmentException sshFailure(String said, Throwable failure) {
        String lower = said.toLowerCase(Locale.ROOT);
        String hint;
        if (lower.contains("permission denied")) {
            hint = "ssh refused the key: add it to the agent (ssh-add) or name it in ~/.ssh/config (IdentityFile); "
                    + "no password prompts are answered. Try `ssh " + ssh.describe().replace(":", " -p ") + " docker version`";
        } else if (lower.contains("host key verification failed") || lower.contains("host key")) {
            hint = "the remote's host key is not known: connect once with `ssh` to accept it (known_hosts)";
        } else if (lower.contains("docker: not found") || lower.contains("docker: command not found")
                || lower.contains("unknown command") || lower.contains("dial-stdio")) {
            hint = "the remote has no usable docker CLI on the PATH of a non-interactive ssh session "
                    + "(`docker system dial-stdio` needs Docker 18.09+ there)";
        } else if (lower.contains("cannot run")) {
            hint = "install the OpenSSH client";
        } else {
            hint = "check the host and port, and that `ssh " + ssh.describe().replace(":", " -p ")
                    + " docker version` works without prompting";
        }
        return new EnvironmentException("ssh to the Docker engine at " + ssh.describe() + " (" + endpoint.source()
                + ") failed: " + said.lines().reduce((a, b) -> a + " / " + b).orElse(said), hint, failure);
    }

    private Optional<EnvironmentException> tlsFailure(Throwable failure, boolean guessRefusal) {
        boolean handshake = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String msg = String.valueOf(t.getMessage());
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException
                    || msg.contains("validity check failed")) {
                return Optional.of(tlsError("a certificate is expired or not yet valid (" + msg + ")",
                        "renew the engine's certificate (or the CA), and check this machine's clock", failure));
            }
            // the JDK's and httpclient5's words for a certificate issued to another name
            if (t instanceof SSLPeerUnverifiedException || msg.contains("No subject alternative") || msg.contains("No name matching")
                    || msg.contains("doesn't match")) {
                return Optional.of(tlsError("the engine's certificate does not name " + hostOf(endpoint.host()) + " (" + msg + ")",
                        "reach the engine by a name or IP its certificate lists (subjectAltName), or reissue the certificate", failure));
            }
            if (t instanceof CertPathValidatorException || msg.contains("PKIX path")
                    || msg.contains("unable to find valid certification path")) {
                return Optional.of(tlsError("the engine's certificate is not signed by " + tls.describe()
                        + " from " + tls.dir().resolve("ca.pem"),
                        "use the ca.pem of the CA that signed the engine's certificate (DOCKER_CERT_PATH or the context's TLS)", failure));
            }
            if (msg.contains("bad_certificate") || msg.contains("certificate_required") || msg.contains("unknown_ca")
                    || msg.contains("certificate_unknown") || msg.contains("access_denied")) {
                return Optional.of(tlsError("the engine refused this client's certificate (" + msg + ")",
                        "the engine trusts another CA: use a cert.pem/key.pem signed by the CA the engine's --tlscacert names", failure));
            }
            if (msg.contains("Unsupported or unrecognized SSL message")) {
                return Optional.of(tlsError("the engine does not speak TLS on " + endpoint.host(),
                        "unset DOCKER_TLS_VERIFY for a plain tcp engine, or use the engine's TLS port (usually 2376)", failure));
            }
            handshake |= t instanceof SSLException;
            // TLS 1.3: the engine checks the client's certificate after the handshake and just hangs up
            handshake |= t instanceof java.net.SocketException && (msg.contains("Broken pipe") || msg.contains("reset"));
        }
        return handshake && guessRefusal ? Optional.of(tlsError("the engine closed the TLS connection (" + DockerEngine.rootMessage(failure)
                + "); it most likely refused this client's certificate",
                "use a cert.pem/key.pem signed by the CA the engine trusts (its --tlscacert); files in " + tls.dir(), failure))
                : Optional.empty();
    }

    private EnvironmentException tlsError(String what, String hint, Throwable cause) {
        return new EnvironmentException("TLS to the Docker engine at " + endpoint.host() + " (" + endpoint.source()
                + ") failed: " + what, hint, cause);
    }

    private static String hostOf(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int colon = rest.lastIndexOf(':');
        return colon < 0 ? rest : rest.substring(0, colon);
    }

    @Override
    public void close() {
        ports.close();
        if (relay != null) {
            relay.close();
        }
    }
}
