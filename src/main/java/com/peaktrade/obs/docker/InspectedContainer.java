package com.peaktrade.obs.docker;

import java.util.List;

/**
 * What `up`'s waits, `ps` and verify read of an inspected container.
 *
 * @param status    the engine's state: created, running, restarting, exited, …
 * @param health    the healthcheck's status, "" without a healthcheck
 * @param exitCode  as the engine gives it (0 also for a container that never ran), null when absent
 * @param startedAt RFC 3339 as the engine gives it
 * @param env       KEY=VALUE as the container was created with
 * @param healthcheck      the container's healthcheck, null without one (or with test NONE)
 * @param healthLogEntries probes the engine has logged (podman without systemd never logs one)
 */
record InspectedContainer(String id, String status, boolean running, boolean restarting, String health, Long exitCode,
        String startedAt, List<String> env, StandInHealthcheck healthcheck, int healthLogEntries) {
}
