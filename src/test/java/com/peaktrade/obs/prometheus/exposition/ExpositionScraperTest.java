package com.peaktrade.obs.prometheus.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.http.Hostile;
import com.peaktrade.obs.http.HostileTable;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExpositionScraperTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2); // generous: a loaded CI machine must not turn a bad answer into a timeout
    private final FixtureServer server = FixtureServer.start();
    private final ExpositionScraper scraper = new ExpositionScraper(TIMEOUT);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aScrapeKeepsStatusContentTypeBodySizeAndLatency() {
        String body = "# TYPE shadow_mvs_up gauge\nshadow_mvs_up{mode=\"shadow\",exchange=\"sim\"} 1\n";
        server.on("/metrics", FixtureServer.text(200, "text/plain; version=0.0.4; charset=utf-8", body));

        Scrape scrape = scraper.scrape(URI.create(server.uri() + "/metrics"));

        assertThat(scrape.ok()).isTrue();
        assertThat(scrape.url()).isEqualTo(server.uri() + "/metrics");
        assertThat(scrape.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scrape.body()).isEqualTo(body);
        assertThat(scrape.size()).isEqualTo(body.length());
        assertThat(scrape.latency()).isPositive();
        assertThat(scrape.parse().hasFamily("shadow_mvs_up")).isTrue();
        assertThat(server.requests().get(0).accept()).isEqualTo(ExpositionScraper.TEXT_ACCEPT);
    }

    @Test
    void theStrictModes503IsAnAnswerWithItsText() {
        server.on("/metrics", FixtureServer.text(503, "text/plain; charset=utf-8", "prometheus_client required but unavailable\n"));

        Scrape scrape = scraper.scrape(URI.create(server.uri() + "/metrics"));

        assertThat(scrape.status()).isEqualTo(503);
        assertThat(scrape.body()).isEqualTo("prometheus_client required but unavailable\n");
    }

    @Test
    void aFallbackOnlyExpositionIsVisibleAsSuch() {
        server.on("/metrics", FixtureServer.text(200, "text/plain", "peak_trade_metrics_fallback 1\n"));

        Exposition e = scraper.scrape(URI.create(server.uri() + "/metrics")).parse();

        assertThat(e.families()).extracting(MetricFamily::name).containsExactly("peak_trade_metrics_fallback");
        assertThat(e.samples("peak_trade_metrics_fallback").get(0).value()).isEqualTo(1.0);
    }

    @Test
    void scrapingAnswersAnyStatusButFailsTypedOnRedirectsSilenceAndBrokenConnections() {
        HostileTable.run("scrape", TIMEOUT, HostileTable.strictJsonExcept(Map.of(
                Hostile.GARBAGE_JSON, HostileTable.answers(a -> assertThat(((Scrape) a).status()).isEqualTo(200)),
                Hostile.HTML_LOGIN_PAGE_200, HostileTable.answers(a -> assertThat(((Scrape) a).parse().isClean()).isFalse()),
                Hostile.ERROR_500_WITH_BODY, HostileTable.answers(a -> assertThat(((Scrape) a).body())
                        .isEqualTo(Hostile.ERROR_500_BODY)))),
                uri -> scraper.scrape(URI.create(uri + "/metrics")));
    }
}
