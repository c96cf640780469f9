package com.peaktrade.obs.compose;

import com.peaktrade.obs.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The last step: the merged canonical tree becomes typed records. Bind sources and config files
 * are resolved against the project directory ({@code ~} = HOME), env_file entries read, names
 * given their project prefix, and references (volumes, networks, configs, depends_on) and
 * container names checked, with errors pointing at the last file that defines the offending key.
 */
final class ProjectBuilder {
    private static final String DEFAULT_NETWORK = "default";
    private static final String RESTART_POLICY = "no|always|unless-stopped|on-failure(:\\d+)?";

    private final List<RawFile> documents;
    private final Map<String, String> variables;
    private final Path projectDir;
    private final Consumer<String> warnings;

    ProjectBuilder(List<RawFile> documents, Map<String, String> variables, Path projectDir, Consumer<String> warnings) {
        this.documents = documents;
        this.variables = variables;
        this.projectDir = projectDir;
        this.warnings = warnings;
    }

    ComposeProject build(Map<String, Object> merged, String projectName, List<Path> configFiles) {
        Map<String, VolumeTopSpec> volumes = new LinkedHashMap<>();
        topLevel(merged, "volumes").forEach((key, entry) -> volumes.put(key, new VolumeTopSpec(key,
                dockerName(projectName, key, entry), (String) entry.get("driver"), isExternal(entry), labels(entry))));
        Map<String, NetworkSpec> networks = new LinkedHashMap<>();
        topLevel(merged, "networks").forEach((key, entry) -> networks.put(key, new NetworkSpec(key,
                dockerName(projectName, key, entry), (String) entry.get("driver"), isExternal(entry), labels(entry))));

        Map<String, ConfigSpec> configs = new LinkedHashMap<>();
        topLevel(merged, "configs").forEach((key, entry) -> configs.put(key, config(projectName, key, entry)));

        Map<String, Object> rawServices = merged.get("services") == null ? Map.of() : RawTypes.asMap(merged.get("services"));
        if (rawServices.isEmpty()) {
            throw new ConfigException("no services defined in " + configFiles, "add a services: section");
        }
        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        rawServices.forEach((name, service) -> services.put(name, service(name, RawTypes.asMap(service))));
        Map<String, String> containerNames = new LinkedHashMap<>();
        for (ServiceSpec service : services.values()) {
            checkReferences(service, services, volumes, networks, configs);
            String previous = service.containerName() == null ? null
                    : containerNames.putIfAbsent(service.containerName(), service.name());
            if (previous != null) {
                throw error("services." + service.name() + ".container_name", "services." + service.name()
                        + ": container name \"" + service.containerName() + "\" is already in use by service " + previous,
                        "give each service its own container_name");
            }
        }
        boolean usesDefault = services.values().stream().anyMatch(s -> s.networks().contains(DEFAULT_NETWORK));
        if (usesDefault && !networks.containsKey(DEFAULT_NETWORK)) {
            Map<String, NetworkSpec> withDefault = new LinkedHashMap<>();
            withDefault.put(DEFAULT_NETWORK, new NetworkSpec(DEFAULT_NETWORK, projectName + "_" + DEFAULT_NETWORK, null, false,
                    Map.of()));
            withDefault.putAll(networks);
            networks.clear();
            networks.putAll(withDefault);
        }
        return new ComposeProject(projectName, projectDir, configFiles, services, networks, volumes, configs);
    }

    /** A top-level config: exactly one source, a file path made absolute, name {@code <project>_<key>} unless set. */
    private ConfigSpec config(String projectName, String key, Map<String, Object> entry) {
        String path = "configs." + key;
        long sources = entry.keySet().stream().filter(k -> k.equals("file") || k.equals("content") || k.equals("environment"))
                .count();
        if (sources != 1) {
            throw error(path, path + (sources == 0 ? ": one of file|environment|content must be set"
                    : ": file|environment|content attributes are mutually exclusive"), null);
        }
        String file = (String) entry.get("file");
        String environment = (String) entry.get("environment");
        String content = environment != null ? (String) entry.get(Canonicalizer.CONFIG_ENVIRONMENT_VALUE)
                : (String) entry.get("content");
        return new ConfigSpec(key, dockerName(projectName, key, entry), file == null ? null : resolvePath(file), content,
                environment);
    }

    @SuppressWarnings("unchecked")
    private ServiceSpec service(String name, Map<String, Object> raw) {
        String path = "services." + name;
        String image = (String) raw.get("image");
        if (image == null || image.isBlank()) {
            throw error(path, "service \"" + name + "\" has no image"
                    + (raw.containsKey(Canonicalizer.BUILD_MARKER) ? "; building images (build:) is not supported" : ""),
                    "build the image separately and set image: for service " + name);
        }
        String restart = (String) raw.get("restart");
        if (restart != null && !restart.matches(RESTART_POLICY)) {
            throw error(path + ".restart", "invalid restart policy \"" + restart + "\" for service \"" + name
                    + "\" (no, always, unless-stopped, on-failure[:N])", null);
        }
        Map<String, Object> networks = (Map<String, Object>) raw.get("networks");
        return new ServiceSpec(name, image,
                (List<String>) raw.get("command"),
                (List<String>) raw.get("entrypoint"),
                environment(raw),
                (List<PortSpec>) raw.getOrDefault("ports", List.of()),
                ((List<VolumeSpec>) raw.getOrDefault("volumes", List.of())).stream().map(this::resolve).toList(),
                (List<String>) raw.getOrDefault("extra_hosts", List.of()),
                restart,
                (Map<String, DependsOn>) raw.getOrDefault("depends_on", Map.of()),
                healthcheck((Map<String, Object>) raw.get("healthcheck")),
                (Map<String, String>) raw.getOrDefault("labels", Map.of()),
                (String) raw.get("user"),
                // none, or an empty networks: section, means the default network (compose-go normalize.go)
                networks == null || networks.isEmpty() ? List.of(DEFAULT_NETWORK) : List.copyOf(networks.keySet()),
                (String) raw.get("container_name"),
                (List<String>) raw.getOrDefault("cap_add", List.of()),
                (List<String>) raw.getOrDefault("cap_drop", List.of()),
                (List<String>) raw.getOrDefault("tmpfs", List.of()),
                Boolean.TRUE.equals(raw.get("stdin_open")),
                Boolean.TRUE.equals(raw.get("tty")),
                (List<ConfigMount>) raw.getOrDefault("configs", List.of()),
                (String) raw.get("hostname"));
    }

    /** env_file entries in order, then environment on top. */
    @SuppressWarnings("unchecked")
    private Map<String, String> environment(Map<String, Object> raw) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFileRef ref : (List<EnvFileRef>) raw.getOrDefault("env_file", List.of())) {
            Path file = resolvePath(ref.path());
            if (Files.isRegularFile(file)) {
                environment.putAll(DotEnv.read(file, variables::get));
            } else if (ref.required()) {
                throw new ConfigException("env file " + file + " not found", "create it, or mark it required: false");
            }
        }
        // bare KEYs already have their model's value (Canonicalizer); one set nowhere stays null
        environment.putAll((Map<String, String>) raw.getOrDefault("environment", Map.of()));
        return environment;
    }

    private static HealthcheckSpec healthcheck(Map<String, Object> raw) {
        if (raw == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<String> test = (List<String>) raw.get("test");
        return new HealthcheckSpec(test, (Duration) raw.get("interval"), (Duration) raw.get("timeout"),
                (Integer) raw.get("retries"), (Duration) raw.get("start_period"), Boolean.TRUE.equals(raw.get("disable")));
    }

    private VolumeSpec resolve(VolumeSpec volume) {
        if (!volume.isBind()) {
            return volume;
        }
        return volume.withSource(resolvePath(volume.source()).toString());
    }

    /** Absolute and clean: {@code ~} is HOME, relative paths start at the project directory. */
    private Path resolvePath(String source) {
        return HostPaths.of(projectDir, variables).resolve(source);
    }

    private void checkReferences(ServiceSpec service, Map<String, ServiceSpec> services, Map<String, VolumeTopSpec> volumes,
            Map<String, NetworkSpec> networks, Map<String, ConfigSpec> configs) {
        String path = "services." + service.name();
        for (VolumeSpec volume : service.volumes()) {
            if (volume.type().equals(VolumeSpec.VOLUME) && volume.source() != null && !volumes.containsKey(volume.source())) {
                throw error(path + ".volumes", "service \"" + service.name() + "\" refers to undefined volume "
                        + volume.source() + ": invalid compose project", "declare it under the top-level volumes:");
            }
        }
        for (ConfigMount config : service.configs()) {
            if (!configs.containsKey(config.source())) {
                throw error(path + ".configs", "service \"" + service.name() + "\" refers to undefined config "
                        + config.source() + ": invalid compose project", "declare it under the top-level configs:");
            }
        }
        for (String network : service.networks()) {
            if (!network.equals(DEFAULT_NETWORK) && !networks.containsKey(network)) {
                throw error(path + ".networks", "service \"" + service.name() + "\" refers to undefined network "
                        + network + ": invalid compose project", "declare it under the top-level networks:");
            }
        }
        service.dependsOn().forEach((dependency, condition) -> {
            if (services.containsKey(dependency)) {
                return;
            }
            if (condition.required()) {
                throw error(path + ".depends_on", "service \"" + service.name() + "\" depends on undefined service \""
                        + dependency + "\": invalid compose project", null);
            }
            warnings.accept("service \"" + service.name() + "\" depends on undefined service \"" + dependency
                    + "\" (required: false, ignored)");
        });
    }

    private ConfigException error(String path, String message, String hint) {
        for (int i = documents.size() - 1; i >= 0; i--) {
            if (documents.get(i).defines(path)) {
                return new ConfigException(documents.get(i).where(path) + ": " + message, hint);
            }
        }
        return new ConfigException(message, hint);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> topLevel(Map<String, Object> merged, String key) {
        return (Map<String, Map<String, Object>>) merged.getOrDefault(key, Map.of());
    }

    /** The Docker name: explicit name:, else the key for external ones, else {@code <project>_<key>}. */
    private static String dockerName(String project, String key, Map<String, Object> entry) {
        String name = (String) entry.get("name");
        if (name != null) {
            return name;
        }
        return isExternal(entry) ? key : project + "_" + key;
    }

    private static boolean isExternal(Map<String, Object> entry) {
        return Boolean.TRUE.equals(entry.get("external"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> labels(Map<String, Object> entry) {
        return (Map<String, String>) entry.getOrDefault("labels", Map.of());
    }
}
