package com.peaktrade.obs.stack;

import com.peaktrade.obs.docker.ExecResult;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.poll.Poller;
import com.peaktrade.obs.prometheus.Probe;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.prometheus.ReloadAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code prometheus reload}: validate the config with promtool inside our container where it exists,
 * then {@code POST /-/reload}. 200: reloaded. 403 (no {@code --web.enable-lifecycle}): restart our
 * container and wait until ready; a Prometheus we do not manage is never touched. 500: Prometheus
 * rejected the file and keeps the running config. Returns a value; never prints.
 */
public final class PrometheusReload {
    /** What reload may do to a Prometheus container of our project. */
    public interface ManagedContainer {
        /** The container's name, for messages. */
        String name();

        /** The config file path inside the container (from --config.file). */
        String configFile();

        /** promtool's answer for the config, or empty when the image has no promtool. */
        Optional<ExecResult> validate();

        void restart();

        /** The container's last log lines, for a restart that did not come back. */
        List<String> lastLogLines();
    }

    /** How it ended. */
    public enum Kind {
        RELOADED, RESTARTED, INVALID_CONFIG, REJECTED, FORBIDDEN, NOT_READY_AFTER_RESTART, UNEXPECTED_STATUS
    }

    /**
     * @param steps  what was done, in order, one line each
     * @param hint   what to do next (null when nothing)
     */
    public record Result(Kind kind, String message, List<String> steps, String hint) {
        public boolean ok() {
            return kind == Kind.RELOADED || kind == Kind.RESTARTED;
        }
    }

    private final Duration readyBudget;

    public PrometheusReload(Duration readyBudget) {
        this.readyBudget = readyBudget;
    }

    /**
     * @param container our project's Prometheus container, or null when Prometheus is not managed by us
     * @throws HttpFailure when Prometheus does not answer the reload at all
     */
    public Result reload(PrometheusClient prometheus, ManagedContainer container) {
        List<String> steps = new ArrayList<>();
        String base = prometheus.baseUrl().toString();
        if (container != null) {
            Optional<ExecResult> check = container.validate();
            if (check.isEmpty()) {
                steps.add("validate: no promtool in " + container.name() + "; Prometheus checks the file itself on reload");
            } else if (check.get().ok()) {
                steps.add("validate: promtool check config " + container.configFile() + " in " + container.name() + ": "
                        + oneLine(check.get().output()));
            } else {
                ExecResult r = check.get();
                steps.add("validate: promtool check config " + container.configFile() + " in " + container.name()
                        + " failed (exit " + (r.exitCode() == null ? "none" : r.exitCode()) + ")");
                r.output().lines().forEach(l -> steps.add("  | " + l));
                return new Result(Kind.INVALID_CONFIG, "the config " + container.configFile() + " is invalid; nothing was "
                        + "reloaded, Prometheus keeps running with its current config", steps,
                        "fix the scrape config (promtool's message above), then run `peaktrade-obs prometheus reload` again");
            }
        } else {
            steps.add("validate: skipped, " + base + " is not a Prometheus container of ours (no promtool to run)");
        }
        ReloadAnswer answer = prometheus.reload();
        steps.add("POST " + answer.url() + " → " + answer.status() + " in " + answer.latency().toMillis() + " ms"
                + (answer.body().isBlank() ? "" : ": " + answer.body().strip()));
        if (answer.ok()) {
            return new Result(Kind.RELOADED, "Prometheus at " + base + " reloaded its configuration", steps, null);
        }
        if (answer.configRejected()) {
            return new Result(Kind.REJECTED, "Prometheus rejected the new config and keeps running with the old one: "
                    + answer.body().strip(), steps, "fix the file Prometheus names above, then reload again");
        }
        if (answer.status() == 403) {
            if (container == null) {
                return new Result(Kind.FORBIDDEN, "Prometheus at " + base + " answered 403 (" + answer.body().strip()
                        + "): its lifecycle API is off, and it is not managed by peaktrade-obs, so nothing was restarted",
                        steps, "start that Prometheus with --web.enable-lifecycle, or restart it yourself to load the config; "
                                + "for our stacks use -p/--stack instead of --prometheus-url");
            }
            return restart(prometheus, container, answer, steps);
        }
        return new Result(Kind.UNEXPECTED_STATUS, "Prometheus at " + base + " answered HTTP " + answer.status()
                + " to the reload" + (answer.body().isBlank() ? "" : ": " + answer.body().strip()), steps,
                "is " + base + " a Prometheus (and not a proxy in front of it)? `peaktrade-obs debug health`");
    }

    private Result restart(PrometheusClient prometheus, ManagedContainer container, ReloadAnswer answer, List<String> steps) {
        container.restart();
        steps.add("restart: container " + container.name() + " restarted (the lifecycle API is off)");
        AtomicReference<String> last = new AtomicReference<>("no answer");
        var polled = Poller.within(readyBudget).until(() -> {
            try {
                Probe p = prometheus.ready();
                last.set("HTTP " + p.status() + " " + p.body().strip());
                return p.ok() ? Optional.of(p) : Optional.empty();
            } catch (HttpFailure f) {
                last.set(f.getMessage());
                return Optional.empty();
            }
        });
        String seconds = String.format(java.util.Locale.ROOT, "%.1f s", polled.elapsed().toMillis() / 1000.0);
        if (!polled.done()) {
            steps.add("ready: not within " + readyBudget.toSeconds() + " s; last: " + last.get());
            container.lastLogLines().forEach(l -> steps.add("  | " + l));
            return new Result(Kind.NOT_READY_AFTER_RESTART, "restarted " + container.name() + " because the reload answered "
                    + answer.status() + ", but it was not ready within " + readyBudget.toSeconds() + " s", steps,
                    "see the log lines above (`peaktrade-obs debug logs prometheus-local`); a broken config stops it from starting");
        }
        steps.add("ready: " + prometheus.baseUrl() + "/-/ready → 200 after " + seconds);
        return new Result(Kind.RESTARTED, "restarted " + container.name() + " to load the config, because POST /-/reload "
                + "answered 403 (" + answer.body().strip() + "); it was ready again after " + seconds, steps,
                "start Prometheus with --web.enable-lifecycle (our compose files do) and reloads work without a restart");
    }

    private static String oneLine(String text) {
        String t = text.strip().replaceAll("\\s*\\n\\s*", "; ");
        return t.isEmpty() ? "ok" : t;
    }
}
