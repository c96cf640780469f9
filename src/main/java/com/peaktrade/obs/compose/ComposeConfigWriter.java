package com.peaktrade.obs.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a project in the shape of {@code docker compose config --format json|yaml}: top-level
 * name, services, networks, volumes, configs (only those some service uses, as docker compose
 * does); ports and volumes in long syntax with absolute bind sources; environment as a map;
 * command and entrypoint as lists. Service keys are in alphabetical order. What still differs
 * from docker compose is listed in docs/compose-parity.md.
 */
public final class ComposeConfigWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private ComposeConfigWriter() {
    }

    public static String toJson(ComposeProject project) {
        try {
            return JSON.writer(PRETTY).writeValueAsString(projectNode(project)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toYaml(ComposeProject project) {
        try {
            return YAML.writeValueAsString(projectNode(project));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode projectNode(ComposeProject project) {
        ObjectNode root = NODES.objectNode();
        root.put("name", project.name());
        ObjectNode services = root.putObject("services");
        project.services().forEach((name, service) -> {
            ObjectNode node = serviceNode(service);
            redactSecrets(node.path("environment"));
            if (!service.extraHosts().isEmpty()) {
                // compose prints host=ip (an IPv6 address has colons); the model keeps the engine's host:ip
                putList(node, "extra_hosts", service.extraHosts().stream().map(h -> h.replaceFirst(":", "=")).toList());
            }
            services.set(name, node);
        });
        Set<String> usedNetworks = new HashSet<>();
        Set<String> usedVolumes = new HashSet<>();
        Set<String> usedConfigs = new HashSet<>();
        project.services().values().forEach(service -> {
            usedNetworks.addAll(service.networks());
            service.volumes().stream().filter(v -> VolumeSpec.VOLUME.equals(v.type()) && v.source() != null)
                    .forEach(v -> usedVolumes.add(v.source()));
            service.configs().forEach(c -> usedConfigs.add(c.source()));
        });
        ObjectNode networks = NODES.objectNode();
        project.networks().forEach((key, network) -> {
            if (usedNetworks.contains(key)) {
                networks.set(key, topLevelNode(network.name(), network.driver(), network.external(), network.labels()));
            }
        });
        putObject(root, "networks", networks);
        ObjectNode volumes = NODES.objectNode();
        project.volumes().forEach((key, volume) -> {
            if (usedVolumes.contains(key)) {
                volumes.set(key, topLevelNode(volume.name(), volume.driver(), volume.external(), volume.labels()));
            }
        });
        putObject(root, "volumes", volumes);
        ObjectNode configs = NODES.objectNode();
        project.configs().forEach((key, config) -> {
            if (usedConfigs.contains(key)) {
                configs.set(key, configNode(config));
            }
        });
        putObject(root, "configs", configs);
        return (ObjectNode) escapeDollars(root);
    }

    /**
     * Every {@code $} written as {@code $$}, as docker compose config does: the output is itself a
     * compose file, and reading it back must not substitute anything a second time.
     */
    private static JsonNode escapeDollars(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().contains("$") ? NODES.textNode(node.asText().replace("$", "$$")) : node;
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> e.setValue(escapeDollars(e.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, escapeDollars(array.get(i)));
            }
        }
        return node;
    }

    private static ObjectNode configNode(ConfigSpec config) {
        ObjectNode node = NODES.objectNode().put("name", config.name());
        if (config.file() != null) {
            node.put("file", config.file().toString());
        } else if (config.environment() != null) {
            node.put("environment", config.environment());
        } else {
            node.put("content", config.content());
        }
        return node;
    }

    /** Printed models never show passwords: values of secret-looking keys become ********. */
    private static void redactSecrets(JsonNode environment) {
        if (environment instanceof ObjectNode env) {
            env.properties().forEach(e -> {
                if (SecretKeys.isSecret(e.getKey()) && !e.getValue().isNull() && !e.getValue().asText().isEmpty()) {
                    e.setValue(NODES.textNode(SecretKeys.MASK));
                }
            });
        }
    }

    private static ObjectNode serviceNode(ServiceSpec service) {
        ObjectNode node = NODES.objectNode();
        putNonEmpty(node, "cap_add", service.capAdd());
        putNonEmpty(node, "cap_drop", service.capDrop());
        putList(node, "command", service.command());
        if (!service.configs().isEmpty()) {
            ArrayNode configs = node.putArray("configs");
            service.configs().forEach(config -> configs.add(configMountNode(config)));
        }
        putText(node, "container_name", service.containerName());
        if (!service.dependsOn().isEmpty()) {
            ObjectNode dependsOn = node.putObject("depends_on");
            service.dependsOn().forEach((name, dependency) -> dependsOn.putObject(name)
                    .put("condition", dependency.condition())
                    .put("required", dependency.required()));
        }
        putList(node, "entrypoint", service.entrypoint());
        putMap(node, "environment", service.environment());
        putNonEmpty(node, "extra_hosts", service.extraHosts());
        if (service.healthcheck() != null) {
            node.set("healthcheck", healthcheckNode(service.healthcheck()));
        }
        putText(node, "hostname", service.hostname());
        node.put("image", service.image());
        putMap(node, "labels", service.labels());
        ObjectNode networks = node.putObject("networks");
        service.networks().forEach(networks::putNull);
        if (!service.ports().isEmpty()) {
            ArrayNode ports = node.putArray("ports");
            service.ports().forEach(port -> ports.add(portNode(port)));
        }
        putText(node, "restart", service.restart());
        if (service.stdinOpen()) {
            node.put("stdin_open", true);
        }
        putNonEmpty(node, "tmpfs", service.tmpfs());
        if (service.tty()) {
            node.put("tty", true);
        }
        putText(node, "user", service.user());
        if (!service.volumes().isEmpty()) {
            ArrayNode volumes = node.putArray("volumes");
            service.volumes().forEach(volume -> volumes.add(volumeNode(volume)));
        }
        return node;
    }

    /** As compose prints it: the mode in octal text ("0440"). */
    private static ObjectNode configMountNode(ConfigMount config) {
        ObjectNode node = NODES.objectNode().put("source", config.source());
        putText(node, "target", config.target());
        putText(node, "uid", config.uid());
        putText(node, "gid", config.gid());
        if (config.mode() != null) {
            node.put("mode", "0" + Integer.toOctalString(config.mode()));
        }
        return node;
    }

    private static ObjectNode portNode(PortSpec port) {
        ObjectNode node = NODES.objectNode().put("mode", port.mode());
        if (!port.hostIp().isEmpty()) {
            node.put("host_ip", port.hostIp());
        }
        node.put("target", port.target());
        if (!port.published().isEmpty()) {
            node.put("published", port.published());
        }
        return node.put("protocol", port.protocol());
    }

    /** bind: {} is a bind section without create_host_path; tmpfs size is text, mode a number (as compose prints them). */
    private static ObjectNode volumeNode(VolumeSpec volume) {
        ObjectNode node = NODES.objectNode().put("type", volume.type());
        putText(node, "source", volume.source());
        node.put("target", volume.target());
        if (volume.readOnly()) {
            node.put("read_only", true);
        }
        if (volume.typeOptions() && !volume.isTmpfs()) {
            ObjectNode options = node.putObject(volume.type());
            if (volume.createHostPath()) {
                options.put("create_host_path", true);
            }
        }
        if (volume.tmpfs() != null) {
            ObjectNode tmpfs = node.putObject("tmpfs");
            if (volume.tmpfs().sizeBytes() != null) {
                tmpfs.put("size", volume.tmpfs().sizeBytes().toString());
            }
            if (volume.tmpfs().mode() != null) {
                tmpfs.put("mode", volume.tmpfs().mode());
            }
        }
        return node;
    }

    private static ObjectNode healthcheckNode(HealthcheckSpec check) {
        ObjectNode node = NODES.objectNode();
        putList(node, "test", check.test());
        if (check.timeout() != null) {
            node.put("timeout", Durations.format(check.timeout()));
        }
        if (check.interval() != null) {
            node.put("interval", Durations.format(check.interval()));
        }
        if (check.retries() != null) {
            node.put("retries", check.retries());
        }
        if (check.startPeriod() != null) {
            node.put("start_period", Durations.format(check.startPeriod()));
        }
        if (check.disable()) {
            node.put("disable", true);
        }
        return node;
    }

    private static ObjectNode topLevelNode(String name, String driver, boolean external, Map<String, String> labels) {
        ObjectNode node = NODES.objectNode().put("name", name);
        putText(node, "driver", driver);
        if (external) {
            node.put("external", true);
        }
        putMap(node, "labels", labels);
        return node;
    }

    private static void putText(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static void putList(ObjectNode node, String key, List<String> values) {
        if (values != null) {
            ArrayNode array = node.putArray(key);
            values.forEach(array::add);
        }
    }

    private static void putNonEmpty(ObjectNode node, String key, List<String> values) {
        if (!values.isEmpty()) {
            putList(node, key, values);
        }
    }

    private static void putObject(ObjectNode node, String key, ObjectNode value) {
        if (!value.isEmpty()) {
            node.set(key, value);
        }
    }

    private static void putMap(ObjectNode node, String key, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode object = node.putObject(key);
            values.forEach(object::put);
        }
    }
}
