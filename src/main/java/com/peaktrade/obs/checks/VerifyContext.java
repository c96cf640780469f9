package com.peaktrade.obs.checks;

import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.DockerEngine;
import com.peaktrade.obs.grafana.GrafanaClient;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.Target;
import com.peaktrade.obs.prometheus.exposition.ExpositionScraper;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.contract.StackService;
import com.peaktrade.obs.stack.RunningProject;
import com.peaktrade.obs.stack.Endpoint;
import com.peaktrade.obs.stack.VerifyTargets;
import com.peaktrade.obs.http.ConnectionSettings;
import com.peaktrade.obs.http.HttpTransport;
import com.peaktrade.obs.http.InFlightLimit;
import com.peaktrade.obs.http.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import com.peaktrade.obs.docker.ContainerStatus;
import com.peaktrade.obs.check.Outcome;
import com.peaktrade.obs.http.HttpFailure;

/**
 * Everything the checks of one verify run talk to, and the contract they check against (the
 * stack's definition says which of its areas apply). The engine is a supplier because connecting is
 * itself what docker.daemon checks; it is null when verify gates URLs only (no Docker needed).
 */
public record VerifyContext(StackDefinition stack, Contract contract, VerifyTargets targets, PrometheusClient prometheus, GrafanaClient grafana,
        ExpositionScraper scraper, Supplier<DockerEngine> engine, RunningProject running, Lazy<List<ContainerStatus>> containers,
        SharedFetch<List<Target>> sharedTargets) {

    /** How long one fetch of Prometheus' target list serves the checks polling it side by side (they poll every 50–250 ms). */
    private static final Duration TARGETS_SHARED_FOR = Duration.ofMillis(100);

    /** Prometheus' active targets, one fetch shared by the per-job checks that ask within {@link #TARGETS_SHARED_FOR}. */
    List<Target> prometheusTargets() {
        return sharedTargets.get();
    }

    /** Per-request HTTP timeout: short, because checks poll and a hung peer must not eat the budget. */
    public static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    /**
     * One look at the project's containers, shared by the checks that start together (three
     * concurrent `ps` calls would cost three container listings and inspections).
     */
    private List<ContainerStatus> snapshot() {
        return containers.get(() -> compose().ps(targets.project()));
    }

    /** Loaded on first use, then shared for the rest of the run. */
    static final class Lazy<T> {
        private T value;

        synchronized T get(Supplier<T> load) {
            if (value == null) {
                value = load.get();
            }
            return value;
        }
    }

    public static VerifyContext of(StackDefinition stack, Contract contract, VerifyTargets targets,
            Supplier<DockerEngine> engine) {
        return of(stack, contract, targets, RunningProject.NONE, engine, InFlightLimit.DEFAULT_MAX);
    }

    /**
     * @param running the project's published ports, through which exporters of other jobs are reached
     * @param maxInFlight requests at once to each of Prometheus and Grafana ({@link InFlightLimit#configured})
     */
    public static VerifyContext of(StackDefinition stack, Contract contract, VerifyTargets targets, RunningProject running,
            Supplier<DockerEngine> engine, int maxInFlight) {
        // a stack without a Prometheus or Grafana service (and no URL for it) has no client for it
        var access = targets.access();
        PrometheusClient prometheus = targets.prometheus() == null ? null
                : new PrometheusClient(transport(targets.prometheus(), access.prometheus().settings(), maxInFlight));
        return new VerifyContext(stack, contract, targets, prometheus,
                targets.grafana() == null ? null
                        : new GrafanaClient(transport(targets.grafana(), access.grafana().settings(), maxInFlight)),
                new ExpositionScraper(HTTP_TIMEOUT, access.exporter().settings()), engine, running, new Lazy<>(),
                new SharedFetch<>(TARGETS_SHARED_FOR, () -> prometheus.targets().value()));
    }

    /** One transport per server, so each gets its own in-flight limit. */
    private static HttpTransport transport(URI url, ConnectionSettings settings, int maxInFlight) {
        return new HttpTransport(url, HTTP_TIMEOUT, settings, HttpTransport.DEFAULT_MAX_BODY_BYTES,
                new InFlightLimit(maxInFlight), RetryPolicy.standard());
    }

    public boolean checksContainers() {
        return engine != null && targets.project() != null;
    }

    /** The compose service that plays {@code role} in the stack, when the stack has one. */
    Optional<String> service(StackService.Role role) {
        return stack.service(role).map(StackService::service);
    }

    /** As {@link #serviceDown(String)}, for the stack's service in {@code role}. */
    Optional<String> roleDown(StackService.Role role) {
        return service(role).flatMap(this::serviceDown);
    }

    /**
     * A FAIL at once when the role's URL is a default nobody gave and nothing answers there: waiting
     * out the budget on a port where nothing was promised to listen helps no one. Empty when the
     * URL was given or published, or when {@code oneAttempt} reached something (then the check waits
     * as usual).
     */
    Optional<Outcome> defaultedAndUnreachable(StackService.Role role, String what, Supplier<?> oneAttempt) {
        Optional<String> why = targets.defaulted(role);
        if (why.isEmpty()) {
            return Optional.empty();
        }
        try {
            oneAttempt.get();
            return Optional.empty();
        } catch (HttpFailure f) {
            if (f.kind() != HttpFailure.Kind.UNREACHABLE) {
                return Optional.empty();
            }
            String option = Endpoint.option(role);
            return Optional.of(Outcome.fail(what + " not reachable at " + targets.url(role) + " (defaulted: " + why.get() + "): "
                    + Failures.problem(f),
                    "nobody gave a URL for it, so the default was tried: give " + option + " URL for the one to check, or "
                            + "start the stack: `peaktrade-obs " + stack.name() + " up`",
                    f.getMessage(), role.key() + " URL defaulted: " + why.get()));
        } catch (RuntimeException other) {
            return Optional.empty();
        }
    }

    ComposeEngine compose() {
        return new ComposeEngine(engine.get());
    }

    /**
     * Why a service of our project cannot answer (its container is missing or not running), so a
     * check fails at once with the real cause instead of polling a dead port until its budget ends.
     * Empty when it runs, or when we don't know (no project, no engine).
     */
    Optional<String> serviceDown(String service) {
        if (!checksContainers()) {
            return Optional.empty();
        }
        try {
            List<ContainerStatus> ps = snapshot();
            if (ps.isEmpty()) {
                return Optional.of("project " + targets.project() + " has no containers");
            }
            Optional<ContainerStatus> container = ps.stream().filter(c -> c.service().equals(service)).findFirst();
            if (container.isEmpty()) {
                return Optional.of("service " + service + " has no container in project " + targets.project());
            }
            ContainerStatus c = container.get();
            return c.isRunning() ? Optional.empty() : Optional.of("container " + c.name() + " is " + c.state()
                    + (c.exitCode() == null ? "" : " (exit code " + c.exitCode() + ")"));
        } catch (RuntimeException engineTrouble) {
            return Optional.empty();
        }
    }
}
