package com.peaktrade.obs.compose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One resolved service: long syntax throughout, bind sources absolute, variables substituted.
 * {@code command}/{@code entrypoint} null mean "image default". A bare {@code KEY} in
 * {@code environment} takes its value from the shell, then {@code .env}; a value of null means it
 * is set in neither (docker compose then passes the bare key, which unsets it in the container).
 * <p>
 * The fields after {@code networks} came later (compose parity): {@code containerName} null means
 * {@code <project>-<service>-1}; {@code tmpfs} are the service-level {@code PATH[:OPTIONS]} mounts;
 * {@code configs} refer to the project's top-level configs; {@code hostname} null means the
 * engine's default (the container id's first 12 characters).
 */
public record ServiceSpec(String name, String image, List<String> command, List<String> entrypoint,
        Map<String, String> environment, List<PortSpec> ports, List<VolumeSpec> volumes, List<String> extraHosts,
        String restart, Map<String, DependsOn> dependsOn, HealthcheckSpec healthcheck, Map<String, String> labels,
        String user, List<String> networks,
        String containerName, List<String> capAdd, List<String> capDrop, List<String> tmpfs, boolean stdinOpen,
        boolean tty, List<ConfigMount> configs, String hostname) {

    /** A service without the later fields (no container_name, capabilities, tmpfs, tty, configs or hostname). */
    public ServiceSpec(String name, String image, List<String> command, List<String> entrypoint,
            Map<String, String> environment, List<PortSpec> ports, List<VolumeSpec> volumes, List<String> extraHosts,
            String restart, Map<String, DependsOn> dependsOn, HealthcheckSpec healthcheck, Map<String, String> labels,
            String user, List<String> networks) {
        this(name, image, command, entrypoint, environment, ports, volumes, extraHosts, restart, dependsOn, healthcheck,
                labels, user, networks, null, List.of(), List.of(), List.of(), false, false, List.of(), null);
    }

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
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        tmpfs = List.copyOf(tmpfs);
        configs = List.copyOf(configs);
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
