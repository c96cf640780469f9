package com.peaktrade.obs.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets docker-java's own transport speak to an engine behind ssh: a unix socket in a private
 * directory (0700) where every accepted connection gets its own {@code ssh … docker system
 * dial-stdio} process and the bytes are copied both ways. docker-java's httpclient5 transport has
 * no hook for a custom socket (its socket registry is fixed), but it speaks unix sockets fully,
 * including the hijacked streams of attach; so the Engine API reaches ssh unchanged. What ssh
 * printed on stderr when it failed is kept: it is the only place the reason (refused key, unknown
 * host, no docker on the remote) is told.
 */
final class SshRelay implements AutoCloseable {
    private static final int STDERR_LIMIT = 4096;
    private final List<String> command;
    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Set<Process> processes = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    private SshRelay(List<String> command, Path dir, ServerSocketChannel server) {
        this.command = command;
        this.dir = dir;
        this.socket = dir.resolve("docker.sock");
        this.server = server;
    }

    /** Listens on a new private socket; each connection runs {@code command}. */
    static SshRelay start(List<String> command) throws IOException {
        Path dir = Files.createTempDirectory("peaktrade-obs-ssh");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("docker.sock")));
        // in case a command exits without closing its engine: removed in reverse order, socket first
        dir.toFile().deleteOnExit();
        dir.resolve("docker.sock").toFile().deleteOnExit();
        SshRelay relay = new SshRelay(command, dir, server);
        daemon(relay::accept, "ssh-relay");
        return relay;
    }

    /** docker-java's host for this relay. */
    String dockerHost() {
        return "unix://" + socket;
    }

    /** What ssh said on stderr the last time it failed, if it did. */
    String lastFailure() {
        return lastFailure.get();
    }

    private void accept() {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                Process ssh = new ProcessBuilder(command).start();
                processes.add(ssh);
                relay(client, ssh);
            } catch (IOException notStarted) {
                lastFailure.set("cannot run " + command.get(0) + ": " + notStarted.getMessage());
                closeQuietly(client);
            }
        }
    }

    private void relay(SocketChannel client, Process ssh) {
        StringBuilder stderr = new StringBuilder();
        daemon(() -> toProcess(client, ssh.getOutputStream()), "ssh-relay-in");
        Thread errors = daemon(() -> collect(ssh.getErrorStream(), stderr), "ssh-relay-err");
        daemon(() -> {
            fromProcess(ssh.getInputStream(), client);
            try {
                // ssh's reason is recorded before docker-java sees the connection end and asks for it
                if (ssh.waitFor(5, TimeUnit.SECONDS) && ssh.exitValue() != 0) {
                    errors.join(1000);
                    synchronized (stderr) {
                        String said = stderr.toString().strip();
                        lastFailure.set("ssh exited with " + ssh.exitValue() + (said.isEmpty() ? "" : ": " + said));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                processes.remove(ssh);
                closeQuietly(client);
            }
        }, "ssh-relay-out");
    }

    /*
     * The channel is read and written directly, not through Channels.newInputStream/OutputStream:
     * those take the channel's blocking lock for a whole read, so a write from the other thread
     * would wait until the engine's answer arrived, which never comes.
     */

    /** docker-java's request bytes to ssh's stdin, until docker-java closes the connection. */
    private static void toProcess(SocketChannel from, OutputStream to) {
        ByteBuffer buffer = ByteBuffer.allocate(16384);
        try (to) {
            while (from.read(buffer) >= 0) {
                to.write(buffer.array(), 0, buffer.position());
                to.flush();
                buffer.clear();
            }
        } catch (IOException ended) {
            // one side closed: the connection is over
        }
    }

    /** The engine's answers from ssh's stdout to docker-java, until ssh ends. */
    private static void fromProcess(InputStream from, SocketChannel to) {
        byte[] buffer = new byte[16384];
        try (from) {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    to.write(chunk);
                }
            }
        } catch (IOException ended) {
            // one side closed: the connection is over
        }
    }

    private static void collect(InputStream from, StringBuilder into) {
        try (from) {
            byte[] buffer = new byte[1024];
            int n;
            while ((n = from.read(buffer)) >= 0) {
                synchronized (into) {
                    if (into.length() < STDERR_LIMIT) {
                        into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException ended) {
            // ssh is gone
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    /** Stops listening, ends every ssh and removes the socket. */
    @Override
    public void close() {
        closeQuietly(server);
        processes.forEach(Process::destroy);
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp dir left behind holds nothing but a dead socket
        }
    }
}
