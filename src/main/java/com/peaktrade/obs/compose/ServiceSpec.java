package com.peaktrade.obs.compose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One resolved service: long syntax throughout, bind sources absolute, variables substituted.
 * {@code command}/{@code entrypoint} null mean "image default"; an {@code environment} value of
 * null means a bare {@code KEY} that neither the shell nor .env sets (the container gets no value).
 */
public record ServiceSpec(String name, String image, List<String> command, List<String> entrypoint,
        Map<String, String> environment, List<PortSpec> ports, List<VolumeSpec> volumes, List<String> extraHosts,
        String restart, Map<String, DependsOn> dependsOn, HealthcheckSpec healthcheck, Map<String, String> labels,
        String user, List<String> networks) {

    public ServiceSpec {
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        environment = orderedCopy(environment);
        ports = List.copyOf(ports);
        volumes = List.copyOf(volumes);
        extraHosts = List.copyOf(extraHosts);
        dependsOn = orderedCopy(dependsOn);
        labels = orderedCopy(labels);
        networks = List.copyOf(networks);
    }

    /** docker compose's config-hash of this service (see {@link ServiceConfigHash}); stored as its label. */
    public String configHash() {
        return ServiceConfigHash.of(this);
    }

    /** Ordered, unmodifiable, and (unlike Map.copyOf) keeps null values. */
    private static <V> Map<String, V> orderedCopy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
