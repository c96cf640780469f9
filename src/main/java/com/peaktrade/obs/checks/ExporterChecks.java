package com.peaktrade.obs.checks;

import com.peaktrade.obs.check.Check;
import com.peaktrade.obs.check.CheckContext;
import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.contract.ExpectedFamily;
import com.peaktrade.obs.contract.ExporterContract;
import com.peaktrade.obs.contract.StackService;
import com.peaktrade.obs.prometheus.Target;
import com.peaktrade.obs.prometheus.exposition.Exposition;
import com.peaktrade.obs.prometheus.exposition.MetricSample;
import com.peaktrade.obs.prometheus.exposition.Scrape;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * exporter.metrics: the families the contract lists for an exporter's job are served, no forbidden
 * label appears. One check per exporter job of the contract that verify can reach: the stack's own
 * exporter directly, the others where Prometheus scrapes them.
 */
final class ExporterChecks {
    static final String METRICS = "exporter.metrics";
    private static final Duration BUDGET = Duration.ofSeconds(20);

    private ExporterChecks() {
    }

    /** The stack's own exporter (its service, or --exporter-url), checked as {@code id}. */
    static Check metrics(VerifyContext ctx, ExporterContract contract, String id) {
        return Check.of(id, BUDGET, c -> {
            String service = ctx.service(StackService.Role.EXPORTER).orElse("the exporter");
            Optional<String> down = ctx.roleDown(StackService.Role.EXPORTER);
            if (down.isPresent()) {
                return Outcome.fail("exporter not running: " + down.get(),
                        "start it: `peaktrade-obs " + ctx.stack().name() + " up`; why it stopped: `peaktrade-obs debug logs "
                                + service + "`");
            }
            Optional<Outcome> nothingThere = ctx.defaultedAndUnreachable(StackService.Role.EXPORTER, "exporter",
                    () -> ctx.scraper().scrape(ctx.targets().exporter()));
            if (nothingThere.isPresent()) {
                return nothingThere.get();
            }
            return scrapeAndJudge(c, ctx, ctx.targets().exporter(), contract,
                    "is it running? `peaktrade-obs debug ps`, `peaktrade-obs debug logs " + service + "`");
        });
    }

    /**
     * The exporter of another job of the contract, found where Prometheus scrapes it
     * ({@link ExporterLocator}); SKIP when Prometheus has no target of the job that verify can reach.
     */
    static Check metricsOfJob(VerifyContext ctx, ExporterContract contract, String id, Set<String> requires) {
        return Check.of(id, requires, BUDGET, c -> {
            List<Target> targets = ctx.prometheusTargets().stream()
                    .filter(t -> t.scrapePool().equals(contract.job())).sorted(Comparator.comparing(t -> !t.isUp())).toList();
            if (targets.isEmpty()) {
                return Outcome.skip("Prometheus has no target of job " + contract.job() + ": its /metrics was not found",
                        "contract " + contract.where() + ": exporters." + contract.job());
            }
            List<String> why = new ArrayList<>();
            for (Target target : targets) {
                ExporterLocator.Located located = ExporterLocator.locate(target.scrapeUrl(), ctx.targets().prometheus(),
                        ctx.targets().project(), ctx.running());
                if (located.url().isPresent()) {
                    Outcome judged = scrapeAndJudge(c, ctx, located.url().get(), contract,
                            "Prometheus scrapes it at " + target.scrapeUrl() + "; is it running?");
                    // where it was found is not obvious: say so on every status
                    return new Outcome(judged.status(), judged.message() + " (at " + located.url().get() + ", scraped by Prometheus at "
                            + target.scrapeUrl() + ")", judged.evidence(), judged.hint());
                }
                why.add(located.why());
            }
            return Outcome.skip("the exporter of job " + contract.job() + " is not reachable from here: " + why.get(0),
                    "contract " + contract.where() + ": exporters." + contract.job());
        });
    }

    private static Outcome scrapeAndJudge(CheckContext c, VerifyContext ctx, URI url, ExporterContract contract, String hint) {
        var answer = c.await(() -> ctx.scraper().scrape(url), Scrape::ok);
        if (!answer.ready()) {
            return CheckContext.notReady("exporter not answering", url,
                    answer.describe(scrape -> "HTTP " + scrape.status(), Failures::describe), hint, answer);
        }
        Scrape scrape = answer.last().orElseThrow();
        return judge(scrape.parse(), "GET " + scrape.url() + " → " + scrape.status() + ", " + scrape.size() + " bytes", contract);
    }

    /** Pure: what a scraped exposition says about the exporter's contract. */
    static Outcome judge(Exposition exposition, String fetched, ExporterContract contract) {
        List<String> missing = new ArrayList<>();
        List<String> missingAt = new ArrayList<>();
        for (ExpectedFamily family : contract.families()) {
            for (String sample : family.sampleNames()) {
                if (exposition.samples(sample).isEmpty()) {
                    missing.add(sample);
                    missingAt.add("contract " + family.where() + ": family " + family.name());
                }
            }
        }
        TreeSet<String> forbidden = new TreeSet<>();
        for (MetricSample s : exposition.samples()) {
            for (String label : contract.forbiddenLabels()) {
                if (s.labels().containsKey(label)) {
                    forbidden.add(s.name() + "{" + label + "}");
                }
            }
        }
        String version = "contract " + contract.version().orElse("of job " + contract.job());
        List<String> evidence = new ArrayList<>(List.of(fetched));
        exposition.problems().stream().limit(3).forEach(p -> evidence.add("parse problem: " + p));
        if (!forbidden.isEmpty()) {
            evidence.add("contract " + contract.where() + ": forbidden_labels of " + contract.job());
            return Outcome.fail("forbidden label in " + String.join(", ", forbidden),
                    "per-event ids (" + String.join(", ", contract.forbiddenLabels())
                            + ") must never be labels: unbounded series; put them in logs/ledger instead",
                    evidence.toArray(String[]::new));
        }
        if (!missing.isEmpty()) {
            missingAt.stream().distinct().forEach(evidence::add);
            return Outcome.fail(version + " families missing: " + String.join(", ", missing),
                    "the exporter drifted from " + version + " (or this is not the exporter of job " + contract.job() + ")",
                    evidence.toArray(String[]::new));
        }
        if (!exposition.problems().isEmpty()) {
            return Outcome.fail(exposition.problems().size() + " lines of the exposition do not parse",
                    "the exporter serves invalid text format", evidence.toArray(String[]::new));
        }
        evidence.add(exposition.samples().size() + " samples in " + exposition.families().size() + " families");
        return Outcome.pass(version + ": all " + contract.families().size()
                + " families present, no forbidden labels", evidence.toArray(String[]::new));
    }
}
