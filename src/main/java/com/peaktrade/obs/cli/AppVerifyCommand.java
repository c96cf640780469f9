package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.CheckRunner;
import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.check.RunOptions;
import com.peaktrade.obs.checks.AppChecks;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.ObsException;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.exposition.ExpositionScraper;
import com.peaktrade.obs.stack.StackEndpoints;
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
    ProjectOption project;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8000/metrics",
            description = "The web app's /metrics (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--prometheus-url", paramLabel = "URL",
            description = "Prometheus whose job peak_trade_web should scrape the app (default: our running stack's).")
    String prometheusUrl;




    @Mixin
    ReportOptions output;

    @Override
    public Integer call() {
        URI appUrl = StackEndpoints.parse("--url", url);
        output.validate();
        Duration timeout = Duration.ofSeconds(5);
        try (DebugSession session = new DebugSession()) {
            PrometheusClient prometheus = null;
            String source = null;
            String none = null;
            try {
                StackEndpoints endpoints = session.endpoints(project, new StackEndpoints.Explicit(prometheusUrl, null, null));
                if (endpoints.prometheus() != null) {
                    prometheus = new PrometheusClient(endpoints.prometheus(), timeout);
                    source = endpoints.project() == null ? "--prometheus-url" : "project " + endpoints.project();
                } else {
                    none = endpoints.unavailable().getOrDefault(StackEndpoints.PROMETHEUS, "no Prometheus URL");
                }
            } catch (ObsException e) {
                if (e instanceof ConfigException && project.given()) {
                    throw e;
                }
                none = e instanceof com.peaktrade.obs.error.EnvironmentException
                        ? "the Docker engine is not reachable" : e.getMessage();
            }
            var context = new AppChecks.Context(appUrl, new ExpositionScraper(timeout), prometheus, source, none);
            Report report = new CheckRunner().run("app.verify", AppChecks.checks(context),
                    new RunOptions(null, Map.of(), true, RunOptions.DEFAULT_PARALLELISM));
            output.emit(report, spec);
            return report.exitCode();
        }
    }
}
