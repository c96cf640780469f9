package com.peaktrade.obs.compose;

import com.peaktrade.obs.compose.GoJson.Omit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * docker compose's {@code com.docker.compose.config-hash} of a service, byte for byte: the hex
 * SHA-256 of Go's {@code json.Marshal} of compose-go's {@code ServiceConfig} after compose blanks
 * build, pull_policy, scale, deploy.replicas, depends_on and profiles (docker/compose
 * pkg/compose/hash.go {@code ServiceHash}; compose 2.40.x uses compose-go v2.9.1, types/types.go).
 * {@code docker compose up} recreates a container whose label differs, so an equal hash is what
 * lets compose adopt the containers we create.
 *
 * <p>The service is written as that struct: fields in Go declaration order ({@link #GO_ORDER}),
 * each left out or kept by its json tag ({@link Omit}), values in compose-go's normalised shape.
 * A field our model gains is one line in {@link #FIELDS}. What cannot match, and why:
 * docs/compose-parity.md, "config-hash".
 */
public final class ServiceConfigHash {
    /** ServiceConfig's json names in struct order; {@code name} (json:"-") is never written. */
    static final List<String> GO_ORDER = List.of("profiles", "annotations", "attach", "build", "develop", "blkio_config",
            "cap_add", "cap_drop", "cgroup_parent", "cgroup", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota",
            "cpu_rt_period", "cpu_rt_runtime", "cpus", "cpuset", "cpu_shares", "command", "configs", "container_name",
            "credential_spec", "depends_on", "deploy", "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search",
            "dockerfile", "domainname", "entrypoint", "provider", "environment", "env_file", "expose", "extends",
            "external_links", "extra_hosts", "group_add", "gpus", "hostname", "healthcheck", "image", "init", "ipc",
            "isolation", "labels", "label_file", "links", "logging", "log_driver", "log_opt", "mem_limit",
            "mem_reservation", "memswap_limit", "mem_swappiness", "mac_address", "models", "net", "network_mode",
            "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "privileged",
            "pull_policy", "read_only", "restart", "runtime", "scale", "secrets", "security_opt", "shm_size",
            "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits",
            "use_api_socket", "user", "userns_mode", "uts", "volume_driver", "volumes", "volumes_from", "working_dir",
            "post_start", "pre_stop");

    /** Blanked by compose before hashing, so they never reach the hash (deploy.replicas too). */
    static final Set<String> BLANKED = Set.of("build", "pull_policy", "scale", "depends_on", "profiles");

    /** One ServiceConfig field: its value in compose-go's shape, and when Go leaves it out. */
    record Field(Function<ServiceSpec, Object> value, Omit omit) {
    }

    /**
     * The fields our model carries, by json name (the position comes from {@link #GO_ORDER}).
     * Omit rule = the Go field's json tag: NEVER without omitempty, NIL for pointers, EMPTY else.
     */
    static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("cap_add", field(ServiceSpec::capAdd, Omit.EMPTY)),
            Map.entry("cap_drop", field(ServiceSpec::capDrop, Omit.EMPTY)),
            // ShellCommand has no omitempty: null = image default, [] = cleared
            Map.entry("command", field(ServiceSpec::command, Omit.NEVER)),
            Map.entry("configs", field(s -> s.configs().stream().map(ServiceConfigHash::config).toList(), Omit.EMPTY)),
            Map.entry("container_name", field(ServiceSpec::containerName, Omit.EMPTY)),
            Map.entry("entrypoint", field(ServiceSpec::entrypoint, Omit.NEVER)),
            // MappingWithEquals: a Go map (sorted keys), null for a KEY that is set nowhere
            Map.entry("environment", field(ServiceSpec::environment, Omit.EMPTY)),
            Map.entry("extra_hosts", field(s -> hostsList(s.extraHosts()), Omit.EMPTY)),
            Map.entry("healthcheck", field(s -> healthcheck(s.healthcheck()), Omit.NIL)),
            Map.entry("hostname", field(ServiceSpec::hostname, Omit.EMPTY)),
            Map.entry("image", field(ServiceSpec::image, Omit.EMPTY)),
            Map.entry("labels", field(ServiceSpec::labels, Omit.EMPTY)),
            Map.entry("networks", field(s -> networks(s.networks()), Omit.EMPTY)),
            Map.entry("ports", field(s -> s.ports().stream().map(ServiceConfigHash::port).toList(), Omit.EMPTY)),
            Map.entry("restart", field(ServiceSpec::restart, Omit.EMPTY)),
            Map.entry("stdin_open", field(ServiceSpec::stdinOpen, Omit.EMPTY)),
            // StringList: a plain "tmpfs: /run" is already the list ["/run"]
            Map.entry("tmpfs", field(ServiceSpec::tmpfs, Omit.EMPTY)),
            Map.entry("tty", field(ServiceSpec::tty, Omit.EMPTY)),
            Map.entry("user", field(ServiceSpec::user, Omit.EMPTY)),
            Map.entry("volumes", field(s -> s.volumes().stream().map(ServiceConfigHash::volume).toList(), Omit.EMPTY)));

    private ServiceConfigHash() {
    }

    /** The 64 hex digits compose writes into the config-hash label for this service. */
    public static String of(ServiceSpec service) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(service).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The exact JSON compose hashes for this service. */
    static String json(ServiceSpec service) {
        GoJson.Struct config = new GoJson.Struct();
        for (String name : GO_ORDER) {
            Field field = FIELDS.get(name);
            if (field != null) {
                config.put(name, field.value().apply(service), field.omit());
            }
        }
        return GoJson.marshal(config);
    }

    private static Field field(Function<ServiceSpec, Object> value, Omit omit) {
        return new Field(value, omit);
    }

    /**
     * HostsList is a Go map host → IPs that marshals as sorted "host=ip" strings; an entry
     * "host:ip1,ip2" is two IPs, each without IPv6 brackets.
     */
    private static List<String> hostsList(List<String> extraHosts) {
        List<String> entries = new ArrayList<>();
        for (String entry : extraHosts) {
            int colon = entry.indexOf(':');
            for (String ip : entry.substring(colon + 1).split(",", -1)) {
                boolean bracketed = ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]");
                entries.add(entry.substring(0, colon) + "=" + (bracketed ? ip.substring(1, ip.length() - 1) : ip));
            }
        }
        entries.sort(GoJson.KEY_ORDER);
        return entries;
    }

    private static GoJson.Struct healthcheck(HealthcheckSpec check) {
        if (check == null) {
            return null;
        }
        return new GoJson.Struct()
                .put("test", check.test(), Omit.EMPTY)
                .put("timeout", duration(check.timeout()), Omit.NIL)
                .put("interval", duration(check.interval()), Omit.NIL)
                .put("retries", check.retries(), Omit.NIL)
                .put("start_period", duration(check.startPeriod()), Omit.NIL)
                .put("disable", check.disable(), Omit.EMPTY);
    }

    /** compose-go's Duration marshals as Go's time.Duration.String(). */
    private static String duration(Duration duration) {
        return duration == null ? null : Durations.format(duration);
    }

    /** map[string]*ServiceNetworkConfig: per-network options are not modelled, so each is null. */
    private static Map<String, Object> networks(List<String> networks) {
        Map<String, Object> map = new LinkedHashMap<>();
        networks.forEach(network -> map.put(network, null));
        return map;
    }

    private static GoJson.Struct port(PortSpec port) {
        return new GoJson.Struct()
                .put("mode", port.mode(), Omit.EMPTY)
                .put("host_ip", port.hostIp(), Omit.EMPTY)
                .put("target", port.target(), Omit.EMPTY)
                .put("published", port.published(), Omit.EMPTY)
                .put("protocol", port.protocol(), Omit.EMPTY);
    }

    /** ServiceConfigObjConfig; its mode is a *FileMode, which marshals as octal text ("0440"). */
    private static GoJson.Struct config(ConfigMount config) {
        return new GoJson.Struct()
                .put("source", config.source(), Omit.EMPTY)
                .put("target", config.target(), Omit.EMPTY)
                .put("uid", config.uid(), Omit.EMPTY)
                .put("gid", config.gid(), Omit.EMPTY)
                .put("mode", config.mode() == null ? null : "0" + Integer.toOctalString(config.mode()), Omit.NIL);
    }

    /** ServiceVolumeConfig; its bind/volume/tmpfs options object is a pointer, written even when empty. */
    private static GoJson.Struct volume(VolumeSpec volume) {
        GoJson.Struct options = volume.typeOptions() ? new GoJson.Struct() : null;
        if (options != null && volume.isBind()) {
            options.put("create_host_path", volume.createHostPath(), Omit.EMPTY);
        }
        if (options != null && volume.tmpfs() != null) {
            // UnitBytes marshals as quoted decimal text; both fields are omitempty values
            Long size = volume.tmpfs().sizeBytes();
            options.put("size", size == null || size == 0 ? null : size.toString(), Omit.EMPTY)
                    .put("mode", volume.tmpfs().mode(), Omit.EMPTY);
        }
        return new GoJson.Struct()
                .put("type", volume.type(), Omit.EMPTY)
                .put("source", volume.source(), Omit.EMPTY)
                .put("target", volume.target(), Omit.EMPTY)
                .put("read_only", volume.readOnly(), Omit.EMPTY)
                .put("bind", volume.isBind() ? options : null, Omit.NIL)
                .put("volume", VolumeSpec.VOLUME.equals(volume.type()) ? options : null, Omit.NIL)
                .put("tmpfs", volume.isTmpfs() ? options : null, Omit.NIL);
    }
}
