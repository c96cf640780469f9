package com.peaktrade.obs.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.HealthcheckSpec;
import com.peaktrade.obs.compose.PortSpec;
import com.peaktrade.obs.compose.ServiceSpec;
import com.peaktrade.obs.compose.VolumeSpec;
import com.peaktrade.obs.error.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Pure translation of one compose service into the pieces of an engine create request. */
final class ContainerSpecs {
    private ContainerSpecs() {
    }

    static String containerName(String project, String service) {
        return project + "-" + service + "-1";
    }

    static String defaultNetworkName(String project) {
        return project + "_default";
    }

    /** The engine name of a service network key. */
    static String networkName(ComposeProject project, String key) {
        var spec = project.networks().get(key);
        if (spec != null && spec.name() != null && !spec.name().isBlank()) {
            return spec.name();
        }
        return project.name() + "_" + key;
    }

    static Map<String, String> labels(ComposeProject project, ServiceSpec service, String imageId) {
        Map<String, String> labels = new LinkedHashMap<>(service.labels());
        labels.put(ComposeLabels.PROJECT, project.name());
        labels.put(ComposeLabels.SERVICE, service.name());
        labels.put(ComposeLabels.CONTAINER_NUMBER, "1");
        labels.put(ComposeLabels.ONEOFF, "False");
        labels.put(ComposeLabels.CONFIG_HASH, service.configHash());
        labels.put(ComposeLabels.CONFIG_FILES,
                project.configFiles().stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(",")));
        labels.put(ComposeLabels.WORKING_DIR, project.workingDir().toAbsolutePath().toString());
        labels.put(ComposeLabels.DEPENDS_ON, service.dependsOn().entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().condition() + ":false")
                .collect(Collectors.joining(",")));
        if (imageId != null) {
            labels.put(ComposeLabels.IMAGE, imageId);
        }
        labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
        labels.put(ComposeLabels.CREATED_BY, "peaktrade-obs");
        return labels;
    }

    static List<String> env(ServiceSpec service) {
        List<String> env = new ArrayList<>();
        service.environment().forEach((k, v) -> {
            if (v != null) {
                env.add(k + "=" + v);
            }
        });
        return env;
    }

    static List<ExposedPort> exposedPorts(ServiceSpec service) {
        return service.ports().stream().map(ContainerSpecs::exposed).distinct().toList();
    }

    static Ports portBindings(ServiceSpec service) {
        Ports ports = new Ports();
        for (PortSpec p : service.ports()) {
            String hostIp = p.hostIp() == null ? "" : p.hostIp();
            String published = p.published() == null ? "" : p.published();
            ports.bind(exposed(p), new Ports.Binding(hostIp.isEmpty() ? null : hostIp,
                    published.isEmpty() ? null : published));
        }
        return ports;
    }

    private static ExposedPort exposed(PortSpec p) {
        return new ExposedPort(p.target(), InternetProtocol.parse(p.protocol() == null ? "tcp" : p.protocol()));
    }

    /** Binds for bind mounts and named volumes; anonymous volumes go through {@link #anonymousVolumes}. */
    static List<Bind> binds(ComposeProject project, ServiceSpec service) {
        List<Bind> binds = new ArrayList<>();
        for (VolumeSpec v : service.volumes()) {
            AccessMode mode = v.readOnly() ? AccessMode.ro : AccessMode.rw;
            if (VolumeSpec.BIND.equals(v.type())) {
                binds.add(new Bind(v.source(), new Volume(v.target()), mode));
            } else if (v.source() != null) {
                binds.add(new Bind(volumeName(project, v.source()), new Volume(v.target()), mode));
            }
        }
        return binds;
    }

    static List<Volume> anonymousVolumes(ServiceSpec service) {
        return service.volumes().stream()
                .filter(v -> VolumeSpec.VOLUME.equals(v.type()) && v.source() == null)
                .map(v -> new Volume(v.target()))
                .toList();
    }

    static String volumeName(ComposeProject project, String key) {
        var spec = project.volumes().get(key);
        if (spec != null && spec.name() != null && !spec.name().isBlank()) {
            return spec.name();
        }
        return project.name() + "_" + key;
    }

    static RestartPolicy restartPolicy(ServiceSpec service) {
        String restart = service.restart();
        if (restart == null || restart.isBlank() || restart.equals("no")) {
            return RestartPolicy.noRestart();
        }
        try {
            return RestartPolicy.parse(restart);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("service " + service.name() + ": invalid restart policy '" + restart + "'",
                    "use no, always, unless-stopped or on-failure[:N]");
        }
    }

    /** Compose healthcheck → engine healthcheck; durations in nanoseconds as the API wants. */
    static HealthCheck healthCheck(HealthcheckSpec hc) {
        if (hc == null) {
            return null;
        }
        if (hc.disabled()) {
            return new HealthCheck().withTest(List.of("NONE"));
        }
        HealthCheck check = new HealthCheck();
        List<String> test = hc.test();
        if (test != null && !test.isEmpty()) {
            String first = test.get(0);
            if (first.equals("CMD") || first.equals("CMD-SHELL") || first.equals("NONE")) {
                check.withTest(test);
            } else {
                check.withTest(List.of("CMD-SHELL", String.join(" ", test)));
            }
        }
        if (hc.interval() != null) {
            check.withInterval(nanos(hc.interval()));
        }
        if (hc.timeout() != null) {
            check.withTimeout(nanos(hc.timeout()));
        }
        if (hc.retries() != null) {
            check.withRetries(hc.retries());
        }
        if (hc.startPeriod() != null) {
            check.withStartPeriod(nanos(hc.startPeriod()));
        }
        return check;
    }

    private static Long nanos(Duration d) {
        return d.toNanos();
    }

    static boolean hasHealthcheck(ServiceSpec service) {
        return service.healthcheck() != null && !service.healthcheck().disabled()
                && service.healthcheck().test() != null && !service.healthcheck().test().isEmpty();
    }
}
