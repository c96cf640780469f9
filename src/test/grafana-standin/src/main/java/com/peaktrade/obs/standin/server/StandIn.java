package com.peaktrade.obs.standin.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * TEST STAND-IN for the grafana/grafana image (not Grafana): starts like Grafana does (secrets from
 * GF_*__FILE, DB "migrations" with the port still closed, data source provisioning that may be fatal,
 * then the HTTP listener, then dashboard provisioning) and serves {@link Api}.
 */
public final class StandIn {
    static final String VERSION = "12.4.5-standin";

    private StandIn() {
    }

    public static void main(String[] args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        try {
            fileSecrets(env);
        } catch (Fatal e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        try {
            Running running = start(env);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Log.named("server").info("Shutdown started", "reason", "System signal: terminated");
                running.close();
            }));
            if (!env.getOrDefault("STANDIN_TRAIN_CDS", "").isEmpty()) {
                selfRequests(running.port(), env.get("STANDIN_TRAIN_CDS"));
                System.exit(0);
            }
        } catch (Fatal e) {
            System.err.println("Error: ✗ " + e.getMessage());
            System.exit(1);
        } catch (IOException | RuntimeException e) {
            Log.named("server").error("Stopped", "reason", e.toString());
            System.exit(1);
        }
    }

    /** A started stand-in: the port it listens on, and how to stop it. */
    public static final class Running implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService requests;
        private final Dashboards dashboards;

        private Running(HttpServer server, ExecutorService requests, Dashboards dashboards) {
            this.server = server;
            this.requests = requests;
            this.dashboards = dashboards;
        }

        public int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
            requests.shutdownNow();
            dashboards.stop();
        }
    }

    /**
     * Starts like Grafana (see the class comment) with {@code env} as its environment and returns once
     * the listener is up and the first dashboard pass is done. Tests run the stand-in in-process this
     * way: GF_SERVER_HTTP_PORT=0 picks a free port, GF_SERVER_HTTP_ADDR=127.0.0.1 keeps it on loopback.
     *
     * @throws Fatal where Grafana would log the cause and exit 1
     */
    public static Running start(Map<String, String> env) throws Fatal, IOException {
        Log settings = Log.named("settings");
        settings.info("Starting Grafana", "version", VERSION, "commit", "standin", "branch", "HEAD",
                "note", "TEST STAND-IN, not Grafana");
        Path provisioning = Path.of(env.getOrDefault("GF_PATHS_PROVISIONING", "/etc/grafana/provisioning"));
        Path data = Path.of(env.getOrDefault("GF_PATHS_DATA", "/var/lib/grafana"));
        settings.info("Path Data", "path", data);
        settings.info("Path Provisioning", "path", provisioning);

        long started = System.currentTimeMillis();
        Log migrator = Log.named("migrator");
        migrator.info("Starting DB migrations");
        if (!Files.isWritable(data)) {
            throw new Fatal("failed to open database: " + data + " is not writable by uid "
                    + env.getOrDefault("UID", "472") + " (mounts must be writable by uid 472)");
        }
        Db db = Db.open(data);
        String adminUser = env.getOrDefault("GF_SECURITY_ADMIN_USER", "admin");
        if (!db.hasUsers()) {
            db.createAdmin(adminUser, env.getOrDefault("GF_SECURITY_ADMIN_PASSWORD", "admin"));
            migrator.info("Created default admin", "user", adminUser);
        }
        sleep(longEnv(env, "STANDIN_COLD_START_MS", 3000));
        migrator.info("migrations completed", "performed", 0, "skipped", 0,
                "duration", (System.currentTimeMillis() - started) + "ms");

        List<Datasources.Datasource> datasources;
        List<Dashboards.Provider> providers;
        try {
            datasources = Datasources.provision(provisioning.resolve("datasources"), env);
        } catch (Fatal e) {
            Log.named("provisioning").error("Failed to provision data sources", "error", e.getMessage());
            throw e;
        }
        try {
            providers = Dashboards.providers(provisioning.resolve("dashboards"), env);
        } catch (Fatal e) {
            Log.named("provisioning").error("Failed to provision dashboard", "error", e.getMessage());
            throw e;
        }
        Dashboards dashboards = new Dashboards(providers, db);
        ServiceAccounts accounts = new ServiceAccounts(db);
        Auth auth = new Auth(db, accounts, !"true".equalsIgnoreCase(
                env.getOrDefault("GF_SECURITY_DISABLE_BRUTE_FORCE_LOGIN_PROTECTION", "false")));
        boolean hideVersion = "true".equalsIgnoreCase(env.getOrDefault("GF_AUTH_ANONYMOUS_HIDE_VERSION", "false"));

        int port = (int) longEnv(env, "GF_SERVER_HTTP_PORT", 3000);
        String address = env.getOrDefault("GF_SERVER_HTTP_ADDR", "");
        // Go sets TCP_NODELAY on every connection; the JDK server does not, and its separate header and
        // body writes then wait for the client's delayed ACK: ~40 ms per keep-alive request instead of ~1
        // (1,000 dashboard reads: 50 s against 3.7 s). Read once, when the JDK server is first used.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(address.isEmpty() ? new InetSocketAddress(port)
                : new InetSocketAddress(address, port), 128);
        server.createContext("/", new Api(VERSION, hideVersion, auth, datasources, dashboards::snapshot, accounts,
                Api.Serving.of(env, System.currentTimeMillis())));
        ExecutorService requests = Executors.newFixedThreadPool(8);
        server.setExecutor(requests);
        server.start();
        Log.named("http.server").info("HTTP Server Listen", "address", (address.isEmpty() ? "[::]" : address)
                + ":" + server.getAddress().getPort(), "protocol", "http", "subUrl", env.getOrDefault("GF_SERVER_SERVE_FROM_SUB_PATH", "false").equalsIgnoreCase("true")
                ? Api.Serving.of(env, 0).subPath() : "", "socket", "");
        dashboards.start();
        Log.named("provisioning.dashboard").info("finished to provision dashboards",
                "dashboards", dashboards.snapshot().dashboards().size());
        return new Running(server, requests, dashboards);
    }

    /** Image build only: exercise the request paths once so their classes land in the CDS archive. */
    private static void selfRequests(int port, String password) {
        var client = java.net.http.HttpClient.newHttpClient();
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + password).getBytes());
        for (String path : List.of("/api/health", "/api/search", "/api/folders", "/api/datasources",
                "/api/datasources/uid/train/health", "/api/dashboards/uid/none", "/api/nope")) {
            try {
                client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", auth).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                Log.named("train").warn("request failed", "path", path, "error", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The image's run.sh: GF_X__FILE sets GF_X from a file; both set is an error. */
    private static void fileSecrets(Map<String, String> env) throws Fatal {
        for (String key : List.copyOf(env.keySet())) {
            if (key.startsWith("GF_") && key.endsWith("__FILE") && !env.get(key).isEmpty()) {
                String var = key.substring(0, key.length() - "__FILE".length());
                if (!env.getOrDefault(var, "").isEmpty()) {
                    throw new Fatal("ERROR: Both " + var + " and " + key + " are set (but are exclusive)");
                }
                try {
                    System.out.println("Getting secret " + var + " from " + env.get(key));
                    env.put(var, Files.readString(Path.of(env.get(key))).replaceAll("\n+$", ""));
                } catch (IOException e) {
                    throw new Fatal("ERROR: cannot read " + env.get(key) + " for " + key + ": " + e.getMessage());
                }
            }
        }
    }

    private static long longEnv(Map<String, String> env, String key, long fallback) {
        try {
            return Long.parseLong(env.getOrDefault(key, "").trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
