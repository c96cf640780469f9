package com.peaktrade.obs.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.exporter.ShadowMvsContract.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The exporter over HTTP on a random free port of 127.0.0.1, scraped with the JDK HttpClient. */
class ShadowMvsExporterTest {
    private static ShadowMvsExporter exporter;
    private static Exposition text;

    @BeforeAll
    static void start() throws Exception {
        exporter = ShadowMvsExporter.start(new ExporterSettings("127.0.0.1", 0, "shadow", "sim"));
        Thread.sleep(1500); // 1.5 s of uptime: every edge (0.8/s at least) has an observation
        text = Exposition.scrape(exporter.metricsUri(), null);
    }

    @AfterAll
    static void stop() {
        exporter.close();
    }

    @Test
    void servesTheTextFormat004ByDefault() {
        assertThat(text.contentType()).startsWith("text/plain").contains("version=0.0.4");
        assertThat(text.body()).endsWith("\n").doesNotContain("# EOF");
    }

    @Test
    void everyContractFamilyHasHelpAndType() {
        for (Family family : ShadowMvsContract.FAMILIES) {
            assertThat(text.type()).as(family.name()).containsEntry(family.name(), family.type().exposition());
            assertThat(text.help().get(family.name())).as(family.name()).isEqualTo(family.help()).isNotBlank();
        }
        assertThat(text.type().keySet()).as("no families beyond the contract")
                .containsExactlyInAnyOrderElementsOf(
                        ShadowMvsContract.FAMILIES.stream().map(Family::name).collect(Collectors.toList()));
    }

    @Test
    void everySampleCarriesExactlyItsFamilysLabels() {
        for (Family family : ShadowMvsContract.FAMILIES) {
            for (String sampleName : family.sampleNames()) {
                List<Exposition.Sample> samples = text.samples(sampleName);
                assertThat(samples).as(sampleName).isNotEmpty();
                Set<String> expected = new java.util.HashSet<>(family.labels());
                if (sampleName.endsWith("_bucket")) {
                    expected.add(ShadowMvsContract.LE);
                }
                samples.forEach(s -> assertThat(s.labels().keySet()).as(s.toString()).isEqualTo(expected));
            }
        }
        assertThat(text.samples()).allSatisfy(s -> assertThat(ShadowMvsContract.family(familyOf(s.name())))
                .as("family of %s", s.name()).isPresent());
    }

    @Test
    void everyAllowedLabelValueIsExposedByEveryFamilyThatHasTheLabel() {
        for (Family family : ShadowMvsContract.FAMILIES) {
            for (String label : family.labels()) {
                List<String> allowed = ShadowMvsContract.ALLOWED_VALUES.get(label);
                Set<String> seen = text.samples(family.sampleNames().get(0)).stream()
                        .map(s -> s.label(label)).collect(Collectors.toSet());
                if (allowed != null) {
                    assertThat(seen).as("%s{%s}", family.name(), label).containsExactlyInAnyOrderElementsOf(allowed);
                } else if (label.equals(ShadowMvsContract.MODE)) {
                    assertThat(seen).as("%s{mode}", family.name()).containsExactly("shadow");
                } else {
                    assertThat(seen).as("%s{exchange}", family.name()).containsExactly("sim");
                }
            }
        }
    }

    @Test
    void noForbiddenLabelAppearsAnywhere() {
        assertThat(text.samples()).isNotEmpty().allSatisfy(s -> assertThat(s.labels().keySet())
                .doesNotContainAnyElementsOf(ShadowMvsContract.FORBIDDEN_LABELS));
        for (String forbidden : ShadowMvsContract.FORBIDDEN_LABELS) {
            assertThat(text.body()).doesNotContain(forbidden + "=");
        }
    }

    @Test
    void upIsOneAndExactlyOneRunStateIsActive() {
        assertThat(text.value(ShadowMvsContract.UP, "mode", "shadow", "exchange", "sim")).isEqualTo(1.0);
        Map<String, Double> states = text.samples(ShadowMvsContract.RUN_STATE).stream()
                .collect(Collectors.toMap(s -> s.label("state"), Exposition.Sample::value));
        assertThat(states).containsEntry(ShadowMvsContract.CURRENT_STATE, 1.0);
        assertThat(states.values().stream().filter(v -> v == 1.0)).hasSize(1);
        assertThat(states.values()).allSatisfy(v -> assertThat(v).isIn(0.0, 1.0));
    }

    @Test
    void histogramBucketsAreCumulativeAndInfEqualsCount() {
        String base = ShadowMvsContract.PIPELINE_LATENCY;
        for (String edge : ShadowMvsContract.EDGES) {
            List<Exposition.Sample> buckets = text.samples(base + "_bucket").stream()
                    .filter(s -> edge.equals(s.label("edge"))).collect(Collectors.toList());
            assertThat(buckets).as(edge).hasSize(ShadowMvsModel.upperBounds().length);
            List<Double> bounds = new ArrayList<>();
            double previous = 0;
            for (Exposition.Sample bucket : buckets) {
                String le = bucket.label("le");
                bounds.add(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le));
                assertThat(bucket.value()).as("%s le=%s", edge, le).isGreaterThanOrEqualTo(previous);
                previous = bucket.value();
            }
            assertThat(bounds).as("sorted bounds of %s", edge).isSorted().endsWith(Double.POSITIVE_INFINITY);
            double count = text.value(base + "_count", "edge", edge);
            double sum = text.value(base + "_sum", "edge", edge);
            assertThat(buckets.get(buckets.size() - 1).value()).as("+Inf of %s", edge).isEqualTo(count);
            assertThat(count).as("observations of %s after 1.5 s", edge).isPositive();
            assertThat(sum).as("sum of %s", edge).isPositive().isLessThan(count * 20.0001);
        }
    }

    @Test
    void ratesAreConstantAcrossScrapesAndMatchTheModel() throws Exception {
        // Each scrape is bracketed by the time before the request and after the answer: the server
        // computed its values for the start of the tick it was in then (at most one tick before the
        // request), so a loaded machine widens the bounds instead of making the test flaky.
        List<Exposition> scrapes = new ArrayList<>();
        List<long[]> brackets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                Thread.sleep(1000);
            }
            long before = System.nanoTime();
            scrapes.add(Exposition.scrape(exporter.metricsUri(), null));
            brackets.add(new long[] {before, System.nanoTime()});
        }
        for (int i = 1; i < 3; i++) {
            double tick = ShadowMvsExporter.TICK_MILLIS / 1e3;
            double shortest = (brackets.get(i)[0] - brackets.get(i - 1)[1]) / 1e9 - tick;
            double longest = (brackets.get(i)[1] - brackets.get(i - 1)[0]) / 1e9 + tick;
            assertRates(scrapes.get(i - 1), scrapes.get(i), shortest, longest, ShadowMvsContract.PIPELINE_EVENTS,
                    ShadowMvsContract.STAGE, ShadowMvsModel.STAGE_RATES);
            assertRates(scrapes.get(i - 1), scrapes.get(i), shortest, longest, ShadowMvsContract.RISK_BLOCKS,
                    ShadowMvsContract.REASON, ShadowMvsModel.RISK_BLOCK_RATES);
            assertRates(scrapes.get(i - 1), scrapes.get(i), shortest, longest, ShadowMvsContract.FEED_GAPS,
                    ShadowMvsContract.FEED, ShadowMvsModel.FEED_GAP_RATES);
        }
    }

    /** The counter delta lies between rate × shortest and rate × longest interval (plus the 0.001 rounding). */
    private static void assertRates(Exposition before, Exposition after, double shortest, double longest,
            String counter, String label, Map<String, Double> rates) {
        rates.forEach((value, rate) -> {
            double delta = after.value(counter, label, value) - before.value(counter, label, value);
            assertThat(delta).as("increase of %s{%s=%s} between scrapes %.3f–%.3f s apart", counter, label, value,
                    shortest, longest).isBetween(rate * shortest - 0.002, rate * longest + 0.002);
        });
    }

    @Test
    void servesOpenMetricsWhenTheAcceptHeaderAsksForIt() throws Exception {
        Exposition om = Exposition.scrape(exporter.metricsUri(),
                "application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(om.contentType()).startsWith("application/openmetrics-text");
        assertThat(om.body()).endsWith("# EOF\n");
        assertThat(om.type()).containsEntry("peak_trade_pipeline_events", "counter")
                .containsEntry(ShadowMvsContract.PIPELINE_LATENCY, "histogram");
        assertThat(om.samples(ShadowMvsContract.PIPELINE_EVENTS)).hasSize(ShadowMvsContract.STAGES.size());
    }

    @Test
    void answersTheHealthEndpoint() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(exporter.metricsUri().resolve("/-/healthy")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void clientsThatSendHalfARequestDoNotStallOtherScrapes() throws Exception {
        List<java.net.Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                java.net.Socket socket = new java.net.Socket("127.0.0.1", exporter.port());
                socket.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes());
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            Thread.sleep(200); // let the server pick the half requests up
            var response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(exporter.metricsUri())
                            .timeout(java.time.Duration.ofSeconds(3)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(ShadowMvsContract.UP);
        } finally {
            for (java.net.Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void usesItsOwnRegistryNotTheDefaultOne() {
        assertThat(exporter.registry())
                .isNotSameAs(io.prometheus.metrics.model.registry.PrometheusRegistry.defaultRegistry);
        assertThat(io.prometheus.metrics.model.registry.PrometheusRegistry.defaultRegistry.scrape().stream()
                .map(s -> s.getMetadata().getPrometheusName())).doesNotContain("shadow_mvs_up");
    }

    @Test
    void listensOnAllInterfacesWithTheWildcardHost() throws Exception {
        try (ShadowMvsExporter wildcard = ShadowMvsExporter.start(new ExporterSettings("0.0.0.0", 0, "shadow", "sim"))) {
            assertThat(wildcard.metricsUri().toString()).isEqualTo("http://0.0.0.0:" + wildcard.port() + "/metrics");
            Exposition scraped = Exposition.scrape(
                    java.net.URI.create("http://127.0.0.1:" + wildcard.port() + "/metrics"), null);
            assertThat(scraped.value(ShadowMvsContract.UP, "mode", "shadow")).isEqualTo(1.0);
        }
    }

    @Test
    void closeIsIdempotentAndReleasesAwaitStop() throws Exception {
        ShadowMvsExporter second = ShadowMvsExporter.start(new ExporterSettings("127.0.0.1", 0, "shadow", "sim"));
        java.net.URI uri = second.metricsUri();
        second.close();
        second.close();
        second.awaitStop();
        assertThatThrownBy(() -> Exposition.scrape(uri, null)).isInstanceOf(java.io.IOException.class);
    }

    private static String familyOf(String sampleName) {
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (sampleName.startsWith(ShadowMvsContract.PIPELINE_LATENCY) && sampleName.endsWith(suffix)) {
                return ShadowMvsContract.PIPELINE_LATENCY;
            }
        }
        return sampleName;
    }
}
