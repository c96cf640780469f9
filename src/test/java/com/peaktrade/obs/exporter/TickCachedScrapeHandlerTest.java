package com.peaktrade.obs.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} replays an answer within its tick: an exporter on a hand-driven clock, with one
 * extra gauge counting how often the registry is scraped (that is, how often an answer is rendered).
 */
class TickCachedScrapeHandlerTest {
    private static final long TICK_NANOS = ShadowMvsExporter.TICK_MILLIS * 1_000_000;
    private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AtomicInteger renders = new AtomicInteger();
    private ShadowMvsExporter exporter;

    @BeforeEach
    void start() {
        exporter = ShadowMvsExporter.start(new ExporterSettings("127.0.0.1", 0, "shadow", "sim"), nanos::get);
        GaugeWithCallback.builder().name("test_renders").help("scrapes of the registry")
                .callback(cb -> cb.call(renders.incrementAndGet())).register(exporter.registry());
        nanos.addAndGet(15 * TICK_NANOS + TICK_NANOS / 10); // 1.51 s of uptime: tick 15
    }

    @AfterEach
    void stop() {
        exporter.close();
    }

    @Test
    void twoScrapesWithinOneTickGetTheSameAnswerRenderedOnce() throws Exception {
        Exposition first = Exposition.scrape(exporter.metricsUri(), null);
        nanos.addAndGet(TICK_NANOS * 8 / 10); // 1.59 s: same tick
        Exposition second = Exposition.scrape(exporter.metricsUri(), null);

        assertThat(second.body()).isEqualTo(first.body());
        assertThat(renders).hasValue(1);
    }

    @Test
    void afterTheTickCountersHaveGrownAndNoneWentBackwards() throws Exception {
        Exposition first = Exposition.scrape(exporter.metricsUri(), null);
        nanos.addAndGet(TICK_NANOS);
        Exposition next = Exposition.scrape(exporter.metricsUri(), null);

        assertThat(renders).hasValue(2);
        // 0.1 s at 2 signals per second
        assertThat(next.value(ShadowMvsContract.PIPELINE_EVENTS, "stage", "signal")
                - first.value(ShadowMvsContract.PIPELINE_EVENTS, "stage", "signal")).isEqualTo(0.2, within(1e-9));
        for (Exposition.Sample sample : first.samples()) {
            if (sample.name().endsWith("_total") || sample.name().endsWith("_bucket")
                    || sample.name().endsWith("_count") || sample.name().endsWith("_sum")) {
                assertThat(next.find(sample.name(), sample.labels())).as(sample.toString()).get()
                        .extracting(Exposition.Sample::value).satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(
                                sample.value()));
            }
        }
    }

    @Test
    void everyKindOfAnswerIsNegotiatedAndRenderedOnItsOwnWithTheSameValues() throws Exception {
        Exposition text = Exposition.scrape(exporter.metricsUri(), null);
        Exposition openMetrics = Exposition.scrape(exporter.metricsUri(), OPENMETRICS);
        HttpResponse<byte[]> gzip = get(exporter.metricsUri(), "Accept-Encoding", "gzip");
        Exposition openMetricsAgain = Exposition.scrape(exporter.metricsUri(), OPENMETRICS);

        assertThat(text.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(openMetrics.contentType()).startsWith("application/openmetrics-text");
        assertThat(openMetrics.body()).endsWith("# EOF\n").isNotEqualTo(text.body()).isEqualTo(openMetricsAgain.body());
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("Content-Type")).hasValue(text.contentType());
        assertThat(gunzip(gzip.body())).isEqualTo(text.body().replace("test_renders 1.0", "test_renders 3.0"));
        assertThat(renders).as("text, OpenMetrics, gzipped text").hasValue(3);
        assertThat(openMetrics.value(ShadowMvsContract.PIPELINE_EVENTS, "stage", "signal"))
                .isEqualTo(text.value(ShadowMvsContract.PIPELINE_EVENTS, "stage", "signal"));
    }

    @Test
    void headAndQueriesAreAnsweredAsClientJavaDoes() throws Exception {
        Exposition text = Exposition.scrape(exporter.metricsUri(), null);
        HttpResponse<byte[]> head = HTTP.send(HttpRequest.newBuilder(exporter.metricsUri())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        Exposition onlyUp = Exposition.scrape(URI.create(exporter.metricsUri() + "?name[]=shadow_mvs_up"), null);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length"))
                .hasValue(text.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(onlyUp.type()).containsOnlyKeys(ShadowMvsContract.UP);
    }

    private static HttpResponse<byte[]> get(URI uri, String header, String value) throws IOException,
            InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri).header(header, value).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }
}
