package com.peaktrade.obs.lint;

import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.PortSpec;
import com.peaktrade.obs.compose.ServiceSpec;
import com.peaktrade.obs.compose.VolumeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the compose projects say about the network the configs run in: service names, the host
 * ports they publish (and the container port behind each), and their bind mounts. Built from the
 * linted compose files, or from the default stack's when the inputs have none ({@link #reference}).
 */
record StackModel(List<ServiceSpec> services, String source, boolean reference) {
    static final String HOST_GATEWAY_NAME = "host.docker.internal";

    static StackModel of(List<ComposeProject> projects, String source, boolean reference) {
        Map<String, ServiceSpec> byName = new LinkedHashMap<>();
        for (ComposeProject project : projects) {
            project.services().values().forEach(s -> byName.putIfAbsent(s.name() + "@" + project.configFiles(), s));
        }
        return new StackModel(List.copyOf(byName.values()), source, reference);
    }

    boolean hasService(String name) {
        return services.stream().anyMatch(s -> s.name().equals(name));
    }

    List<String> serviceNames() {
        return services.stream().map(ServiceSpec::name).distinct().toList();
    }

    /** The service publishing this host port, with the port spec. */
    Optional<Map.Entry<ServiceSpec, PortSpec>> publishing(int hostPort) {
        for (ServiceSpec s : services) {
            for (PortSpec p : s.ports()) {
                if (p.published().equals(String.valueOf(hostPort))) {
                    return Optional.of(Map.entry(s, p));
                }
            }
        }
        return Optional.empty();
    }

    /** Container ports of a service as far as its port mappings tell. */
    List<Integer> containerPorts(String service) {
        return services.stream().filter(s -> s.name().equals(service)).flatMap(s -> s.ports().stream())
                .map(PortSpec::target).distinct().toList();
    }

    /** Services that bind-mount this host file or directory. */
    List<ServiceSpec> mounting(Path hostPath) {
        Path abs = hostPath.toAbsolutePath().normalize();
        List<ServiceSpec> found = new ArrayList<>();
        for (ServiceSpec s : services) {
            for (VolumeSpec v : s.volumes()) {
                if (v.isBind() && v.source() != null && Path.of(v.source()).normalize().equals(abs)) {
                    found.add(s);
                }
            }
        }
        return found;
    }

    /** Services that look like {@code kind} (prometheus, grafana) by image or name, first those of reference order. */
    List<ServiceSpec> ofKind(String kind) {
        return services.stream().filter(s -> s.name().toLowerCase(Locale.ROOT).contains(kind)
                || s.image() != null && s.image().toLowerCase(Locale.ROOT).contains(kind)).toList();
    }

    /**
     * The host path behind a container path of a service: the bind mount with the longest target
     * that is the path or a parent of it; empty when no bind mount provides it.
     */
    static Optional<Path> hostPathOf(ServiceSpec service, String containerPath) {
        VolumeSpec best = null;
        for (VolumeSpec v : service.volumes()) {
            if (!v.isBind() || v.source() == null) {
                continue;
            }
            String target = v.target().endsWith("/") && v.target().length() > 1
                    ? v.target().substring(0, v.target().length() - 1) : v.target();
            if (containerPath.equals(target) || containerPath.startsWith(target + "/") || target.equals("/")) {
                if (best == null || target.length() > best.target().length()) {
                    best = v;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String rest = containerPath.substring(Math.min(best.target().length(), containerPath.length()));
        rest = rest.startsWith("/") ? rest.substring(1) : rest;
        Path source = Path.of(best.source());
        return Optional.of(rest.isEmpty() ? source : source.resolve(rest));
    }

    static boolean hasHostGateway(ServiceSpec service) {
        return service.extraHosts().stream().anyMatch(h -> h.startsWith(HOST_GATEWAY_NAME + ":")
                || h.startsWith(HOST_GATEWAY_NAME + "="));
    }
}
