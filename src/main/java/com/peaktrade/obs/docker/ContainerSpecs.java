package com.peaktrade.obs.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.api.model.Volume;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.ConfigMount;
import com.peaktrade.obs.compose.ConfigSpec;
import com.peaktrade.obs.compose.HealthcheckSpec;
import com.peaktrade.obs.compose.PortSpec;
import com.peaktrade.obs.compose.ServiceSpec;
import com.peaktrade.obs.compose.VolumeSpec;
import com.peaktrade.obs.error.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Pure translation of one compose service into the pieces of an engine create request. */
final class ContainerSpecs {
    private ContainerSpecs() {
    }

    /** Its container_name, else {@code <project>-<service>-1}. */
    static String containerName(ComposeProject project, String service) {
        return project.containerName(service);
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

    /**
     * KEY=VALUE for each variable. A key set neither in the shell nor in .env goes as a bare KEY,
     * as docker compose sends it: the engine then unsets it, even where the image sets it.
     */
    static List<String> env(ServiceSpec service) {
        List<String> env = new ArrayList<>();
        service.environment().forEach((k, v) -> env.add(v == null ? k : k + "=" + v));
        return env;
    }

    /** cap_add/cap_drop names as the engine's enum; Docker also accepts a CAP_ prefix and any case. */
    static Capability[] capabilities(ServiceSpec service, List<String> names, String key) {
        List<Capability> capabilities = new ArrayList<>();
        for (String name : names) {
            String bare = name.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
            try {
                capabilities.add(Capability.valueOf(bare));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("service " + service.name() + ": " + key + ": unknown capability \"" + name + "\"",
                        "use a Linux capability name such as NET_ADMIN or ALL (see `man 7 capabilities`)");
            }
        }
        return capabilities.toArray(Capability[]::new);
    }

    /** Service-level tmpfs: {@code PATH[:OPTIONS]} to the engine's map of path to options. */
    static Map<String, String> tmpfs(ServiceSpec service) {
        Map<String, String> tmpfs = new LinkedHashMap<>();
        for (String entry : service.tmpfs()) {
            int colon = entry.indexOf(':');
            tmpfs.put(colon < 0 ? entry : entry.substring(0, colon), colon < 0 ? "" : entry.substring(colon + 1));
        }
        return tmpfs;
    }

    /**
     * What needs the Mount API: binds with a {@code bind:} section but no create_host_path (the
     * engine then refuses a missing source, as with docker compose) and long-syntax tmpfs volumes.
     */
    static List<Mount> mounts(ServiceSpec service) {
        List<Mount> mounts = new ArrayList<>();
        for (VolumeSpec v : service.volumes()) {
            if (v.requiresMountApi()) {
                mounts.add(new Mount().withType(MountType.BIND).withSource(v.source()).withTarget(v.target())
                        .withReadOnly(v.readOnly()));
            } else if (v.isTmpfs()) {
                Mount mount = new Mount().withType(MountType.TMPFS).withTarget(v.target()).withReadOnly(v.readOnly());
                if (v.tmpfs() != null) {
                    mount.withTmpfsOptions(new TmpfsOptions().withSizeBytes(v.tmpfs().sizeBytes()).withMode(v.tmpfs().mode()));
                }
                mounts.add(mount);
            }
        }
        return mounts;
    }

    /** The service's configs that are files: bind-mounted read-only, as docker compose does. */
    static List<Bind> configFileBinds(ComposeProject project, ServiceSpec service) {
        List<Bind> binds = new ArrayList<>();
        for (ConfigMount config : service.configs()) {
            ConfigSpec spec = project.configs().get(config.source());
            if (spec != null && !spec.isCopied()) {
                binds.add(new Bind(spec.file().toString(), new Volume(config.containerPath()), AccessMode.ro));
            }
        }
        return binds;
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

    /**
     * Binds for bind mounts and named volumes; anonymous volumes go through {@link #anonymousVolumes},
     * Mount-API binds and tmpfs volumes through {@link #mounts}.
     */
    static List<Bind> binds(ComposeProject project, ServiceSpec service) {
        List<Bind> binds = new ArrayList<>();
        for (VolumeSpec v : service.volumes()) {
            AccessMode mode = v.readOnly() ? AccessMode.ro : AccessMode.rw;
            if (v.requiresMountApi() || v.isTmpfs()) {
                continue; // see mounts()
            }
            if (v.isBind()) {
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
