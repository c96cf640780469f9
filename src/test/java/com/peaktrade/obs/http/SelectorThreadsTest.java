package com.peaktrade.obs.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link SelectorThreads#release()} stops the JDK HttpClient's selector thread, the thread the JVM's
 * exit would otherwise wait 300 ms for. Run in a child JVM: releasing stops every client of the
 * process, and this test JVM's other tests keep theirs.
 */
class SelectorThreadsTest {
    @Test
    void releaseStopsTheSelectorThreadOfAClientThatWasUsed() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM exits").isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(out).contains("status 204", "selectors before: 1", "selectors after: 0");
        assertThat(child.exitValue()).as(out).isZero();
    }

    /** The child: one request through a client, then release. */
    public static final class Probe {
        public static void main(String[] args) throws IOException, InterruptedException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).build(), HttpResponse.BodyHandlers.discarding());
            System.out.println("status " + response.statusCode());
            System.out.println("selectors before: " + selectors());
            SelectorThreads.release();
            System.out.println("selectors after: " + selectors());
            server.stop(0);
            System.exit(0);
        }

        private static long selectors() {
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && t.getName().matches("HttpClient-\\d+-SelectorManager")).count();
        }
    }
}
