package com.peaktrade.obs.checks;

import com.peaktrade.obs.check.Check;
import com.peaktrade.obs.check.CheckContext;
import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.exporter.ShadowMvsContract;
import com.peaktrade.obs.prometheus.exposition.Exposition;
import com.peaktrade.obs.prometheus.exposition.MetricSample;
import com.peaktrade.obs.prometheus.exposition.Scrape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/** exporter.metrics: the contract v1 families are served and no forbidden label appears. */
final class ExporterChecks {
    static final String METRICS = "exporter.metrics";

    private ExporterChecks() {
    }

    static Check metrics(VerifyContext ctx) {
        return Check.of(METRICS, Duration.ofSeconds(20), c -> {
            Optional<String> down = ctx.serviceDown("shadow-mvs-exporter");
            if (down.isPresent()) {
                return Outcome.fail("exporter not running: " + down.get(),
                        "start it: `peaktrade-obs shadow up`; why it stopped: `peaktrade-obs debug logs shadow-mvs-exporter`");
            }
            AtomicReference<String> last = new AtomicReference<>("no answer");
            var polled = c.poll(() -> {
                try {
                    Scrape scrape = ctx.scraper().scrape(ctx.targets().exporter());
                    last.set("HTTP " + scrape.status());
                    return scrape.ok() ? Optional.of(scrape) : Optional.empty();
                } catch (RuntimeException e) {
                    last.set(Failures.describe(e));
                    return Optional.empty();
                }
            });
            if (!polled.done()) {
                return Outcome.fail("exporter not answering at " + ctx.targets().exporter() + ": " + last.get(),
                        "is it running? `peaktrade-obs debug ps`, `peaktrade-obs debug logs shadow-mvs-exporter`",
                        CheckContext.describe(polled));
            }
            Scrape scrape = polled.value().orElseThrow();
            return judge(scrape.parse(), "GET " + scrape.url() + " → " + scrape.status() + ", " + scrape.size() + " bytes");
        });
    }

    /** Pure: what a scraped exposition says about the contract. */
    static Outcome judge(Exposition exposition, String fetched) {
        List<String> missing = new ArrayList<>();
        for (ShadowMvsContract.Family family : ShadowMvsContract.FAMILIES) {
            for (String sample : family.sampleNames()) {
                if (exposition.samples(sample).isEmpty()) {
                    missing.add(sample);
                }
            }
        }
        TreeSet<String> forbidden = new TreeSet<>();
        for (MetricSample s : exposition.samples()) {
            for (String label : ShadowMvsContract.FORBIDDEN_LABELS) {
                if (s.labels().containsKey(label)) {
                    forbidden.add(s.name() + "{" + label + "}");
                }
            }
        }
        List<String> evidence = new ArrayList<>(List.of(fetched));
        exposition.problems().stream().limit(3).forEach(p -> evidence.add("parse problem: " + p));
        if (!forbidden.isEmpty()) {
            return Outcome.fail("forbidden label in " + String.join(", ", forbidden),
                    "per-event ids (" + String.join(", ", ShadowMvsContract.FORBIDDEN_LABELS)
                            + ") must never be labels: unbounded series; put them in logs/ledger instead",
                    evidence.toArray(String[]::new));
        }
        if (!missing.isEmpty()) {
            return Outcome.fail("contract " + ShadowMvsContract.VERSION + " families missing: " + String.join(", ", missing),
                    "the exporter drifted from contract " + ShadowMvsContract.VERSION + " (or this is not the Shadow-MVS exporter)",
                    evidence.toArray(String[]::new));
        }
        if (!exposition.problems().isEmpty()) {
            return Outcome.fail(exposition.problems().size() + " lines of the exposition do not parse",
                    "the exporter serves invalid text format", evidence.toArray(String[]::new));
        }
        evidence.add(exposition.samples().size() + " samples in " + exposition.families().size() + " families");
        return Outcome.pass("contract " + ShadowMvsContract.VERSION + ": all " + ShadowMvsContract.FAMILIES.size()
                + " families present, no forbidden labels", evidence.toArray(String[]::new));
    }
}
