package com.peaktrade.obs.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An active scrape target of {@code /api/v1/targets}.
 *
 * @param scrapePool         the scrape config's job name
 * @param job                {@code labels.job} (null if absent)
 * @param instance           {@code labels.instance} (null if absent)
 * @param health             up, down, or unknown before the first scrape
 * @param lastError          "" when the last scrape was fine
 * @param lastScrape         null before the first scrape
 * @param lastScrapeDuration how long the last scrape took
 * @param labels             the target labels after relabelling
 */
public record Target(String scrapePool, String job, String instance, Health health, String lastError,
        String scrapeUrl, Instant lastScrape, Duration lastScrapeDuration, Duration scrapeInterval,
        Duration scrapeTimeout, Map<String, String> labels) {

    public enum Health {
        UP, DOWN, UNKNOWN;

        static Health of(String text) {
            if ("up".equals(text)) {
                return UP;
            }
            return "down".equals(text) ? DOWN : UNKNOWN;
        }

        /** As Prometheus writes it: up, down, unknown. */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isUp() {
        return health == Health.UP;
    }
}
