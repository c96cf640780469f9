package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.CheckRunner;
import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.check.RunOptions;
import com.peaktrade.obs.checks.AppChecks;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.ObsException;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.exposition.ExpositionScraper;
import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.session.Session;
import com.peaktrade.obs.stack.Endpoint;
import com.peaktrade.obs.stack.EndpointResolver;
import com.peaktrade.obs.stack.Endpoints;
import java.util.Optional;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Check that the app's /metrics serves real metrics (not the fallback, not 503).",
        description = {"app.metrics tells the web app's /metrics states apart: enabled (python_*/process_* plus "
                + "peak_trade_http_*) PASS; prometheus_client present but PEAK_TRADE_PROMETHEUS_ENABLED off, the "
                + "fail-open fallback (peak_trade_metrics_fallback 1 only, a green fake), strict 503 and unreachable FAIL, "
                + "each with its fix.",
            "app.target: when a Prometheus of ours runs (or --prometheus-url), whether its job peak_trade_web scrapes "
                + "the app (SKIP when there is none).",
            "Output and exit codes as in `shadow verify`: 0 passed, 1 a check failed, 2 usage error."})
final class AppVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackSelection selection;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8000/metrics",
            description = "The web app's /metrics (default: ${DEFAULT-VALUE}).")
    String url;

    @Mixin
    EndpointOptions.PrometheusUrl prometheusUrl;

    @Mixin
    ReportOptions output;

    @Override
    public Integer call() {
        URI appUrl = EndpointResolver.parse("--url", url);
        output.validate();
        try (Session session = Session.open()) {
            Report report = new CheckRunner().run("app.verify", AppChecks.checks(context(session, appUrl)),
                    new RunOptions(null, Map.of(), true, RunOptions.DEFAULT_PARALLELISM));
            output.emit(report, spec);
            return report.exitCode();
        }
    }

    /** The app and, when one is found, the Prometheus that should scrape it; none is a SKIP saying why, not an error. */
    private AppChecks.Context context(Session session, URI appUrl) {
        Duration timeout = Duration.ofSeconds(5);
        var scraper = new ExpositionScraper(timeout);
        try {
            Endpoints endpoints = selection.endpoints(session, prometheusUrl.roles(), prometheusUrl.urls());
            Optional<Endpoint> prometheus = endpoints.found(Role.PROMETHEUS);
            if (prometheus.isEmpty()) {
                return new AppChecks.Context(appUrl, scraper, null, null, endpoints.whyNone(Role.PROMETHEUS, "no Prometheus URL"));
            }
            String source = endpoints.project() == null ? "--prometheus-url" : "project " + endpoints.project();
            return new AppChecks.Context(appUrl, scraper, new PrometheusClient(prometheus.get().url(), timeout, prometheus.get().settings()), source, null);
        } catch (ObsException e) {
            if (e instanceof ConfigException && selection.given()) {
                throw e;
            }
            return new AppChecks.Context(appUrl, scraper, null, null,
                    e instanceof EnvironmentException ? "the Docker engine is not reachable" : e.getMessage());
        }
    }
}
