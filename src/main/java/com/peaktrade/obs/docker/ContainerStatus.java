package com.peaktrade.obs.docker;

import java.time.Duration;
import java.util.List;

/**
 * One container of a project as `ps` shows it. health is "" when the image has no healthcheck;
 * healthcheckNotRun when the engine evidently never probes it (see {@link StandInHealthcheck}).
 */
public record ContainerStatus(String service, String name, String id, String image, String state, String health,
        Integer exitCode, List<String> ports, Duration uptime, boolean healthcheckNotRun) {

    public boolean isRunning() {
        return "running".equals(state);
    }

    /** running, and healthy where a healthcheck exists. */
    public boolean isUp() {
        return isRunning() && (health.isEmpty() || "healthy".equals(health));
    }
}
