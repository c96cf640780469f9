package com.peaktrade.obs.docker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container's healthcheck as the engine was given it, and the tool's stand-in for an engine that
 * never runs it: podman without systemd leaves {@code State.Health} at "starting" with an empty log
 * forever, so `up` would wait its whole budget and verify would fail a stack that works.
 *
 * <p>Docker probes during start_period too (a failure there only does not count), so its first log
 * entry comes one interval (plus the probe's run time) after start. No entry after a few intervals
 * plus the timeout means the engine does not probe at all; the tool then runs the same test itself
 * through exec, which answers exactly what the engine's probe would have.
 *
 * @param test     the engine's form: ["CMD", args…], ["CMD-SHELL", line] (["NONE"] never gets here)
 * @param interval zero when the engine's default applies
 * @param timeout  zero when the engine's default applies
 */
record StandInHealthcheck(List<String> test, Duration interval, Duration timeout) {
    /** The engine's defaults for an unset interval and timeout. */
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Below this, a busy engine may simply not have finished its first probe. */
    private static final Duration LEAST_SILENCE = Duration.ofSeconds(10);
    /** Probes the engine would have run before its silence is conclusive. */
    private static final int INTERVALS = 3;

    /** How long a running container may show no probe before the engine counts as not running healthchecks. */
    Duration silenceLimit() {
        Duration every = interval.isZero() ? DEFAULT_INTERVAL : interval;
        Duration limit = every.multipliedBy(INTERVALS).plus(timeout.isZero() ? DEFAULT_TIMEOUT : timeout);
        return limit.compareTo(LEAST_SILENCE) < 0 ? LEAST_SILENCE : limit;
    }

    /**
     * Whether the engine has evidently never probed {@code container}: running for longer than its
     * silence limit, health "starting", and not one probe in its log.
     */
    static boolean engineSkipped(InspectedContainer container) {
        if (container.healthcheck() == null || !container.running() || !"starting".equals(container.health())
                || container.healthLogEntries() > 0) {
            return false;
        }
        Duration running = ProjectQuery.since(container.startedAt());
        return running != null && running.compareTo(container.healthcheck().silenceLimit()) > 0;
    }

    /** The test as a command line for exec: CMD-SHELL runs through the image's /bin/sh, as the engine would. */
    Optional<List<String>> command() {
        if (test.size() < 2) {
            return Optional.empty();
        }
        return switch (test.get(0)) {
            case "CMD" -> Optional.of(List.copyOf(test.subList(1, test.size())));
            case "CMD-SHELL" -> Optional.of(List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size()))));
            default -> Optional.empty();
        };
    }

    /** Runs the test inside {@code containerId} as the engine would have; passed when it exits 0 within the timeout. */
    boolean passes(ContainerInspector inspector, String containerId) {
        Optional<List<String>> command = command();
        if (command.isEmpty()) {
            return false;
        }
        return inspector.exec(containerId, new ArrayList<>(command.get()),
                timeout.isZero() ? DEFAULT_TIMEOUT : timeout).ok();
    }
}
