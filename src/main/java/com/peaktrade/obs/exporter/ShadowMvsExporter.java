package com.peaktrade.obs.exporter;

import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.EnvironmentException;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.DefaultHandler;
import io.prometheus.metrics.exporter.httpserver.HealthyHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The mock Shadow-MVS exporter: contract v1 in its own {@link PrometheusRegistry}, served by the
 * JDK's HTTP server with client_java's handlers on {@code /metrics} (text format 0.0.4, OpenMetrics
 * when the Accept header asks; gzip when Accept-Encoding does), {@code /-/healthy} and {@code /}.
 * Values are computed from uptime, rounded down to a {@link #TICK_MILLIS} tick, at scrape time;
 * nothing runs between scrapes.
 *
 * <p>client_java's {@code HTTPServer} has no place for another {@code /metrics} handler, so the
 * server is wired here the way it wires it (same handlers, same backlog), with two differences:
 * {@code /metrics} replays an answer for the rest of its tick ({@link TickCachedScrapeHandler}),
 * and a pool of {@value #WORKERS} workers with stalled requests cut off (see {@link #start}).
 */
public final class ShadowMvsExporter implements AutoCloseable {
    /**
     * The JDK server writes the response headers and body separately; without TCP_NODELAY, Nagle
     * holds the body until the client's delayed ACK of the headers, about 40 ms on every keep-alive
     * scrape (measured: 48 ms per scrape, 6 ms with it). Read once when the first JDK HttpServer is
     * created, so it is set here, unless the user set it.
     */
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    /**
     * A client that sends half a request, or stops reading the answer, holds a worker until the JDK
     * server closes its connection after this long (its default is never). Scrapes take
     * milliseconds; Prometheus gives up after its scrape timeout anyway.
     */
    private static final long MAX_STALL_SECONDS = 5;
    private static final String MAX_REQUEST_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";
    private static final String MAX_RESPONSE_TIME_PROPERTY = "sun.net.httpserver.maxRspTime";

    /** Request workers: enough that a few stalled clients leave scrapers served; 2 cores here. */
    private static final int WORKERS = 4;

    /**
     * Values advance in steps of this much uptime, and a rendered answer is reused within one step.
     * Rendering costs 0.2–0.5 ms (text) and 1–3 ms (gzip) of a C1-compiled JVM, several times the
     * JDK server's own cost per request; once per 100 ms and kind of answer it is noise. Prometheus
     * scrapes every 2 s (prometheus/*.yml), so values at most 100 ms old are below its own jitter,
     * and rates (constant) are unchanged.
     */
    static final long TICK_MILLIS = 100;

    /** Pending connections the kernel queues; client_java's HTTPServer uses the same. */
    private static final int BACKLOG = 3;

    private final ExporterSettings settings;
    private final PrometheusRegistry registry;
    private final HttpServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ShadowMvsExporter(ExporterSettings settings, PrometheusRegistry registry, HttpServer server) {
        this.settings = settings;
        this.registry = registry;
        this.server = server;
    }

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger QUIET_LOGGER =
            java.util.logging.Logger.getLogger("io.prometheus.metrics.exporter.httpserver");

    /** Starts serving now; uptime counts from this call. */
    public static ShadowMvsExporter start(ExporterSettings settings) {
        return start(settings, System::nanoTime);
    }

    /**
     * Starts serving, with uptime measured on {@code nanoClock} (a {@link System#nanoTime}-like
     * clock) from this call.
     *
     * @throws ConfigException the host does not resolve
     * @throws EnvironmentException the address cannot be bound (port taken, address not local)
     */
    public static ShadowMvsExporter start(ExporterSettings settings, LongSupplier nanoClock) {
        resolve(settings.host());
        long startedNanos = nanoClock.getAsLong();
        LongSupplier tick = () -> (nanoClock.getAsLong() - startedNanos) / (TICK_MILLIS * 1_000_000);
        PrometheusRegistry registry = ShadowMvsMetrics.newRegistry(settings.mode(), settings.exchange(),
                () -> tick.getAsLong() * TICK_MILLIS);
        setUnlessUserSet(NODELAY_PROPERTY, "true");
        setUnlessUserSet(MAX_REQUEST_TIME_PROPERTY, Long.toString(MAX_STALL_SECONDS));
        setUnlessUserSet(MAX_RESPONSE_TIME_PROPERTY, Long.toString(MAX_STALL_SECONDS));
        // A scraper that hangs up mid-response (a timeout, wrk stopping) is routine for a metrics
        // endpoint; client_java would log each as SEVERE with a stack trace.
        QUIET_LOGGER.setLevel(java.util.logging.Level.OFF);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), BACKLOG);
        } catch (IOException e) {
            throw cannotListen(settings, e);
        }
        server.createContext("/", new DefaultHandler(ShadowMvsContract.METRICS_PATH));
        server.createContext(ShadowMvsContract.METRICS_PATH, new TickCachedScrapeHandler(registry, tick));
        server.createContext("/-/healthy", new HealthyHandler());
        // A small pool, not the dispatcher thread: the JDK server reads a request's line and headers
        // with blocking reads on the thread that handles it, so on the dispatcher one client that
        // sends half a request stalls every scrape (measured: all scrapes timed out). Stalled
        // requests are cut off after MAX_STALL_SECONDS (set below), so one holds a worker that long.
        server.setExecutor(Executors.newFixedThreadPool(WORKERS, daemon("shadow-mvs-exporter-worker")));
        // Started from a daemon thread, as client_java does, so the dispatcher is a daemon too and
        // an exporter nobody closed does not keep the JVM alive.
        Thread starter = new Thread(server::start, "shadow-mvs-exporter-start");
        starter.setDaemon(true);
        starter.start();
        boolean interrupted = false;
        while (starter.isAlive()) {
            try {
                starter.join(); // start() only launches the dispatcher: quick
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new ShadowMvsExporter(settings, registry, server);
    }

    /**
     * Serves until the JVM is told to stop (SIGTERM, Ctrl-C: a shutdown hook closes the server) or
     * the calling thread is interrupted. Prints one line saying where, to {@code out}.
     */
    public static void serveUntilStopped(ExporterSettings settings, PrintWriter out) {
        ShadowMvsExporter exporter = start(settings);
        Thread hook = new Thread(exporter::close, "shadow-mvs-exporter-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.println("Serving Shadow-MVS metrics (contract " + ShadowMvsContract.VERSION + ") on "
                    + exporter.metricsUri() + " (mode=" + settings.mode() + ", exchange=" + settings.exchange()
                    + "); Ctrl-C stops");
            out.flush();
            exporter.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exporter.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping: the hook has run or is running
            }
        }
    }

    /** The port actually bound (differs from the settings' when they asked for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public URI metricsUri() {
        return URI.create("http://" + settings.urlHost() + ":" + port() + ShadowMvsContract.METRICS_PATH);
    }

    public ExporterSettings settings() {
        return settings;
    }

    /** The registry being served (its own, never client_java's default registry). */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Blocks until {@link #close()} has run. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops the server and releases {@link #awaitStop()}; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // stop() releases the port only once the dispatcher thread has closed its selector, and
            // it waits for that with a join() that an interrupted caller (Ctrl-C's path through
            // serveUntilStopped) skips; so wait uninterrupted and restore the flag after.
            boolean interrupted = Thread.interrupted();
            try {
                server.stop(0);
            } finally {
                if (server.getExecutor() instanceof ExecutorService workers) {
                    workers.shutdownNow();
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                stopped.countDown();
            }
        }
    }

    /** The JDK server reads its properties once, when the first server is created. */
    private static void setUnlessUserSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void resolve(String host) {
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigException("--host " + host + " does not resolve to an address",
                    "use 127.0.0.1 (this machine only) or 0.0.0.0 (all interfaces, e.g. in a container)", e);
        }
    }

    private static EnvironmentException cannotListen(ExporterSettings settings, IOException e) {
        String address = settings.urlHost() + ":" + settings.port();
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof BindException && reason.toLowerCase(Locale.ROOT).contains("in use")) {
            return new EnvironmentException("cannot listen on " + address + ": the port is taken (" + reason + ")",
                    "choose another port with --port, or stop what holds " + address, e);
        }
        return new EnvironmentException("cannot listen on " + address + ": " + reason,
                "check --host (an address of this machine, 127.0.0.1 or 0.0.0.0) and --port", e);
    }
}
