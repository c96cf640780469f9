package com.peaktrade.obs.docker;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One listing of a project's containers, answering several questions about their published ports
 * and environment without asking the engine again. verify resolves three services' ports and
 * Grafana's credentials: that was four container listings per run, now one (each is a round trip,
 * and more than that on a remote engine).
 */
public final class ProjectContainers {
    private final List<Container> containers;
    private final InspectReader inspector;
    private final PortReach ports;

    ProjectContainers(List<Container> containers, InspectReader inspector, PortReach ports) {
        this.containers = containers;
        this.inspector = inspector;
        this.ports = ports;
    }

    /**
     * "HOST:PORT" where this machine reaches a service's published container port, if any (IPv4
     * bindings only): as published ("0.0.0.0:9092") on an engine here, else through {@link PortReach}.
     */
    public Optional<String> published(String service, int containerPort) {
        return container(service).flatMap(c -> {
            if (c.getPorts() == null) {
                return Optional.empty();
            }
            for (ContainerPort p : c.getPorts()) {
                if (p.getPrivatePort() != null && p.getPrivatePort() == containerPort && p.getPublicPort() != null
                        && (p.getIp() == null || !p.getIp().contains(":"))) {
                    String ip = p.getIp() == null || p.getIp().isEmpty() ? "0.0.0.0" : p.getIp();
                    return Optional.of(ports.reach(service, ip + ":" + p.getPublicPort()));
                }
            }
            return Optional.empty();
        });
    }

    /** The environment a service's container was created with (KEY → VALUE); one inspect. */
    public Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        container(service).flatMap(c -> inspector.inspect(c.getId())).ifPresent(i -> {
            for (String kv : i.env()) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    env.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        });
        return env;
    }

    private Optional<Container> container(String service) {
        return containers.stream().filter(c -> service.equals(c.getLabels().get(ComposeLabels.SERVICE))).findFirst();
    }
}
