package com.peaktrade.obs.contract.init;

import com.peaktrade.obs.exporter.ExporterSettings;
import com.peaktrade.obs.exporter.ShadowMvsExporter;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * A stand-in for the team's seed-era Python mock exporter, as far as verify can tell: every family
 * of metrics contract v1 with live values, but only the {@code intent_to_ack} latency edge, which
 * is all their mock serves. It is our exporter with the other edges' lines dropped. A test fixture
 * run in a container ({@code java -cp test-classes:peaktrade-obs.jar}): main(PORT).
 */
public final class TeamMockExporter {
    static final String SERVED_EDGE = "intent_to_ack";

    private TeamMockExporter() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        ShadowMvsExporter ours = ShadowMvsExporter.start(new ExporterSettings("127.0.0.1", 0, "shadow", "sim"));
        HttpClient client = HttpClient.newHttpClient();
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 16);
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                String text = client.send(HttpRequest.newBuilder(ours.metricsUri()).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                byte[] body = oneEdgeOnly(text).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        System.out.println("team mock exporter on :" + port + ", edge " + SERVED_EDGE + " only");
    }

    /** The exposition without the samples of any other latency edge. */
    static String oneEdgeOnly(String text) {
        return text.lines().filter(line -> !line.contains("edge=\"") || line.contains("edge=\"" + SERVED_EDGE + "\""))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
