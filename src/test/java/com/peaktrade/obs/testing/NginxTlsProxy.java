package com.peaktrade.obs.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx, started by a test with its own config on 127.0.0.1: it terminates TLS with a
 * certificate from a CA the test made, and proxies path prefixes to local http services, optionally
 * behind basic auth. One process in the foreground (no master, no user switch, no daemon), files
 * only under the test's directory; {@link #close()} stops it.
 */
public final class NginxTlsProxy implements AutoCloseable {
    /** One proxied prefix: {@code /prefix/} → {@code upstream} (with its path), basic auth when a user is given. */
    public record Location(String prefix, String upstream, String user, String password) {
        public static Location open(String prefix, String upstream) {
            return new Location(prefix, upstream, null, null);
        }
    }

    private final Process process;
    private final int port;
    private final Path dir;

    private NginxTlsProxy(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts nginx on {@code port} with {@code serverCertDir}'s cert.pem/key.pem; waits until it accepts connections. */
    public static NginxTlsProxy start(Path dir, int port, Path serverCertDir, List<Location> locations) throws IOException {
        Path nginx = RequiredTool.require("/usr/sbin/nginx", "nginx");
        Files.createDirectories(dir.resolve("tmp"));
        StringBuilder servers = new StringBuilder();
        for (Location l : locations) {
            servers.append("    location ").append(l.prefix()).append(" {\n");
            if (l.user() != null) {
                Path users = dir.resolve("htpasswd-" + l.user());
                Files.writeString(users, l.user() + ":" + hash(dir, l.password()) + "\n");
                servers.append("      auth_basic \"restricted\";\n      auth_basic_user_file ").append(users).append(";\n");
            }
            servers.append("      proxy_pass ").append(l.upstream()).append(";\n")
                    .append("      proxy_set_header Host $http_host;\n    }\n");
        }
        String tmp = dir.resolve("tmp").toString();
        Files.writeString(dir.resolve("nginx.conf"), "daemon off;\nmaster_process off;\npid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("error.log") + " info;\nevents { worker_connections 64; }\nhttp {\n"
                + "  access_log " + dir.resolve("access.log") + ";\n"
                + "  client_body_temp_path " + tmp + "/body;\n  proxy_temp_path " + tmp + "/proxy;\n"
                + "  fastcgi_temp_path " + tmp + "/fastcgi;\n  uwsgi_temp_path " + tmp + "/uwsgi;\n  scgi_temp_path " + tmp + "/scgi;\n"
                + "  server {\n    listen 127.0.0.1:" + port + " ssl;\n"
                + "    ssl_certificate " + serverCertDir.resolve("cert.pem") + ";\n"
                + "    ssl_certificate_key " + serverCertDir.resolve("key.pem") + ";\n"
                + servers + "  }\n}\n");
        Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        NginxTlsProxy proxy = new NginxTlsProxy(process, port, dir);
        proxy.awaitListening(Duration.ofSeconds(10));
        return proxy;
    }

    public int port() {
        return port;
    }

    /** https://127.0.0.1:PORT + path. */
    public String url(String path) {
        return "https://127.0.0.1:" + port + path;
    }

    private void awaitListening(Duration budget) throws IOException {
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited " + process.exitValue() + ": " + log());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new AssertionError("nginx did not listen on " + port + " within " + budget + ": " + log());
    }

    /** stdout and error.log, for assertion messages. */
    public String log() throws IOException {
        Path stdout = dir.resolve("stdout.log");
        Path errors = dir.resolve("error.log");
        return (Files.exists(stdout) ? Files.readString(stdout) : "") + (Files.exists(errors) ? Files.readString(errors) : "");
    }

    /** An htpasswd line's hash, as `openssl passwd -apr1` makes it (nginx reads apr1). */
    private static String hash(Path dir, String password) {
        CliProcess.Result r = CliProcess.exec(List.of("openssl", "passwd", "-apr1", password), Map.of(), dir, 1);
        if (r.exitCode() != 0) {
            throw new AssertionError("openssl passwd failed: " + r);
        }
        return r.out().strip();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
