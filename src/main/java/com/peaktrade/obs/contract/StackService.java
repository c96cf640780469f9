package com.peaktrade.obs.contract;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The compose service that plays a role in a stack, and how to reach it from the host: its
 * container port, which the running project publishes, else 127.0.0.1 with the port from the
 * environment variable the compose file publishes it with, else its default.
 *
 * @param service     compose service name, e.g. prometheus-local
 * @param port        the container port, e.g. 9090
 * @param hostPort    the published port's default, e.g. 9092
 * @param hostPortEnv the variable that publishes it, e.g. PEAKTRADE_OBS_PROMETHEUS_PORT
 * @param path        the URL path (an exporter's /metrics), "" for none
 * @param job         for an exporter: the scrape job (an {@code exporters} entry) it serves
 */
public record StackService(Role role, String service, int port, OptionalInt hostPort, Optional<String> hostPortEnv,
        String path, Optional<String> job, Where where) {

    /** What a service is to verify. */
    public enum Role {
        PROMETHEUS, GRAFANA, EXPORTER;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
