package com.peaktrade.obs.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.testing.CliProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The exporter as the stack runs it (the jar and the stack's JVM flags) under 60 s of load from 8
 * concurrent scrapers on 127.0.0.1: not one wrong answer, and its resident memory stays bounded
 * (no growth past the warm-up). Bounded in time and count; the wrk figures are in
 * docs/benchmarks.md.
 *
 * <p>A wrong answer (a status other than 200, a truncated body) is a bug of ours and fails the
 * test outright. A transport failure (reset, timeout) is tolerated up to one per
 * {@value #SCRAPES_PER_TRANSPORT_FAILURE} scrapes: HTTP/1.1 keep-alive has an inherent race between
 * a server closing a connection and a client reusing it, and a shared CI host can stall a scraper
 * past its timeout; CI once saw 1 in 219,859 (Prometheus simply scrapes again). Each failure is
 * named in the assertion message.
 */
class ExporterSoakIT {
    private static final long SCRAPES_PER_TRANSPORT_FAILURE = 50_000;
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("peaktrade.soak.seconds", 60));

    @Test
    void eightScrapersForSixtySecondsGetNoWrongAnswersAndMemoryStaysBounded() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        // the stack's JVM flags (compose/shadow-exporter.yaml says why; bench/exporter.sh uses them too)
        Process exporter = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms16m", "-Xmx32m", "-Xmn8m",
                "-XX:MaxMetaspaceSize=48m",
                "-jar", CliProcess.jar().toString(), "exporter", "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            awaitUp(http, metrics);
            AtomicLong ok = new AtomicLong();
            List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
            List<String> transportFailures = Collections.synchronizedList(new ArrayList<>());
            List<Long> rssKb = new ArrayList<>();
            long deadline = System.nanoTime() + LOAD.toNanos();
            ExecutorService scrapers = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 8; i++) {
                scrapers.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).GET().build();
                    while (System.nanoTime() < deadline) {
                        try {
                            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() == 200 && r.body().length > 1000) {
                                ok.incrementAndGet();
                            } else {
                                wrongAnswers.add("HTTP " + r.statusCode() + " with " + r.body().length + " bytes");
                            }
                        } catch (IOException e) {
                            transportFailures.add(Instant.now() + " " + e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            while (System.nanoTime() < deadline) {
                TimeUnit.SECONDS.sleep(5);
                rssKb.add(rssKb(exporter.pid()));
            }
            scrapers.shutdown();
            assertThat(scrapers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(wrongAnswers).as("wrong answers among %d scrapes", ok.get()).isEmpty();
            assertThat((long) transportFailures.size())
                    .as("transport failures among %d scrapes: %s", ok.get(), transportFailures)
                    .isLessThanOrEqualTo(ok.get() / SCRAPES_PER_TRANSPORT_FAILURE);
            assertThat(ok.get()).as("scrapes in %s", LOAD).isGreaterThan(1000);
            long warm = rssKb.get(Math.min(1, rssKb.size() - 1));
            long max = rssKb.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(max).as("RSS samples (kB) %s", rssKb).isLessThan(192 * 1024);
            assertThat(rssKb.get(rssKb.size() - 1)).as("no growth after warm-up: %s", rssKb).isLessThan((long) (warm * 1.3));
            assertThat(exporter.isAlive()).isTrue();
        } finally {
            exporter.destroy();
            exporter.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitUp(HttpClient http, URI metrics) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("exporter did not answer on " + metrics);
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }
}
