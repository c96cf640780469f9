package com.peaktrade.obs.docker;

import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.poll.Poller;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How this machine reaches a port the engine published on its own host, so that verify, status and
 * the debug commands find a stack on a remote engine: as published when the engine runs here; for
 * an ssh engine through an ssh tunnel with the same settings (a port bound to the remote's
 * loopback stays private and still works); for a tcp engine at the engine's host when the port is
 * bound beyond loopback. A port only the remote's loopback can reach over tcp is a named error.
 */
final class PortReach implements AutoCloseable {
    private static final long TUNNEL_WAIT_MILLIS = 15_000;

    private final String engineHost;
    private final SshTarget ssh;
    private final List<String> sshOptions;
    private final boolean batchMode;
    private final Map<String, Process> tunnels = new ConcurrentHashMap<>();
    private final Map<String, String> reached = new ConcurrentHashMap<>();

    private PortReach(String engineHost, SshTarget ssh, List<String> sshOptions, boolean batchMode) {
        this.engineHost = engineHost;
        this.ssh = ssh;
        this.sshOptions = sshOptions;
        this.batchMode = batchMode;
    }

    /** An engine on this machine (a socket, or tcp to a loopback address): ports are reached as published. */
    static PortReach here() {
        return new PortReach(null, null, List.of(), true);
    }

    /** An engine at {@code dockerHost} (tcp://HOST:PORT); one on a loopback address is here. */
    static PortReach tcp(String dockerHost) {
        String host = URI.create(dockerHost).getHost();
        return host == null || isLoopback(host) ? here() : new PortReach(host, null, List.of(), true);
    }

    static PortReach ssh(SshTarget target, List<String> options, boolean batchMode) {
        return new PortReach(target.host(), target, options, batchMode);
    }

    /**
     * The "HOST:PORT" to connect to for a port the engine published as {@code published}
     * ("IP:PORT", IP 0.0.0.0 for every address) for {@code service}.
     */
    String reach(String service, String published) {
        if (engineHost == null) {
            return published;
        }
        return reached.computeIfAbsent(published, p -> {
            int colon = p.lastIndexOf(':');
            String ip = p.substring(0, colon);
            int port = Integer.parseInt(p.substring(colon + 1));
            boolean wildcard = ip.isEmpty() || ip.equals("0.0.0.0") || ip.equals("::");
            if (ssh != null) {
                return "127.0.0.1:" + tunnel(service, wildcard ? "127.0.0.1" : ip, port);
            }
            if (!wildcard && isLoopback(ip)) {
                throw new EnvironmentException("service " + service + " publishes port " + port + " on the loopback address "
                        + ip + " of the engine's host " + engineHost + ", which this machine cannot reach over tcp",
                        "publish it beyond loopback (`up --bind 0.0.0.0` with a Grafana password), or reach the engine over "
                                + "ssh (DOCKER_HOST=ssh://USER@" + engineHost + ", or an ssh context): then a tunnel reaches it");
            }
            return (wildcard ? engineHost : ip) + ":" + port;
        });
    }

    /** Starts ssh forwarding a free local port to {@code address}:{@code port} on the remote; returns the local port. */
    private int tunnel(String service, String address, int port) {
        int local = freePort();
        List<String> command = ssh.forward(sshOptions, batchMode, local, address, port);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new EnvironmentException("cannot run ssh for a tunnel to " + service + " on " + ssh.describe() + ": "
                    + e.getMessage(), "install the OpenSSH client", e);
        }
        if (tunnels.isEmpty()) {
            // a command that exits without closing its engine must not leave ssh running
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "ssh-tunnels"));
        }
        tunnels.put(address + ":" + port, process);
        // the project's bounded, adaptive wait; a dead ssh ends it at once with what ssh said
        Poller.Outcome<Integer> open = Poller.within(Duration.ofMillis(TUNNEL_WAIT_MILLIS)).until(() -> {
            if (!process.isAlive()) {
                throw new EnvironmentException("the ssh tunnel to " + service + " (" + address + ":" + port + " on "
                        + ssh.describe() + ") failed: " + said(process.getErrorStream()),
                        "check that `ssh -L " + local + ":" + address + ":" + port + " " + ssh.describe().replace(":", " -p ")
                                + "` works; the server may forbid forwarding (AllowTcpForwarding)");
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), local), 200);
                return Optional.of(local);
            } catch (IOException notYet) {
                return Optional.empty();
            }
        });
        if (open.done()) {
            return open.value().orElseThrow();
        }
        process.destroyForcibly();
        throw new EnvironmentException("the ssh tunnel to " + service + " (" + address + ":" + port + " on " + ssh.describe()
                + ") did not open within " + TUNNEL_WAIT_MILLIS / 1000 + " s", "check that ssh to " + ssh.describe()
                        + " works without prompting");
    }

    private static String said(InputStream stderr) {
        try {
            String text = new String(stderr.readNBytes(4096), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "ssh exited without a message" : String.join(" / ", text.lines().toList());
        } catch (IOException e) {
            return "ssh exited";
        }
    }

    private static int freePort() {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new EnvironmentException("no free local port for an ssh tunnel: " + e.getMessage(), "free a port and rerun", e);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException unresolvable) {
            return false;
        }
    }

    @Override
    public void close() {
        tunnels.values().forEach(Process::destroy);
        tunnels.clear();
    }
}
