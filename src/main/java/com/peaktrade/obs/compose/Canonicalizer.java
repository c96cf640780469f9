package com.peaktrade.obs.compose;

import com.peaktrade.obs.compose.RawFile.Paths;
import com.peaktrade.obs.error.ConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns one interpolated document into canonical form: long syntax, typed leaves ({@link PortSpec},
 * {@link VolumeSpec}, {@link DependsOn}, Duration, lists of words), so merging is plain and every
 * type error still knows its file and line. Unsupported keys become warnings, never silence.
 * Paths are not resolved here: the project directory is known only after all files are read.
 */
final class Canonicalizer {
    static final String BUILD_MARKER = "build";
    /** Canonical key of an environment config's value; a dotted key no compose file can set here. */
    static final String CONFIG_ENVIRONMENT_VALUE = "environment.value";

    /** Reads one service key's raw value at a path into its canonical value. */
    @FunctionalInterface
    private interface Field {
        Object read(Object value, String path);
    }

    private final RawFile raw;
    private final List<String> warnings;
    private final Function<String, String> variables;
    private final Map<String, Field> serviceFields = new LinkedHashMap<>();

    private Canonicalizer(RawFile raw, List<String> warnings, Function<String, String> variables) {
        this.raw = raw;
        this.warnings = warnings;
        this.variables = variables;
        serviceFields.put("image", this::string);
        serviceFields.put("command", this::words);
        serviceFields.put("entrypoint", this::words);
        // a bare KEY takes its value from the shell, then .env (null when neither has it)
        serviceFields.put("environment", (value, path) -> keyValues(value, path, variables));
        serviceFields.put("env_file", this::envFiles);
        serviceFields.put("ports", this::ports);
        serviceFields.put("volumes", this::volumes);
        serviceFields.put("extra_hosts", this::extraHosts);
        serviceFields.put("restart", this::string);
        serviceFields.put("depends_on", this::dependsOn);
        serviceFields.put("healthcheck", this::healthcheck);
        serviceFields.put("labels", (value, path) -> keyValues(value, path, key -> ""));
        serviceFields.put("user", this::string);
        serviceFields.put("networks", this::serviceNetworks);
        serviceFields.put("container_name", this::string);
        serviceFields.put("hostname", this::string);
        serviceFields.put("cap_add", this::stringList);
        serviceFields.put("cap_drop", this::stringList);
        serviceFields.put("tmpfs", (value, path) -> value instanceof List ? stringList(value, path)
                : List.of(string(value, path)));
        serviceFields.put("stdin_open", this::bool);
        serviceFields.put("tty", this::bool);
        serviceFields.put("configs", this::serviceConfigs);
        serviceFields.put(BUILD_MARKER, (value, path) -> {
            ignored(path, "images are pulled, never built");
            return Boolean.TRUE;
        });
    }

    /**
     * The canonical form of one document; warnings are appended to the list. {@code variables}
     * (shell, then .env; null when unset) give bare environment keys their value.
     */
    static CanonicalDocument canonicalize(RawFile raw, List<String> warnings, Function<String, String> variables) {
        return new CanonicalDocument(new Canonicalizer(raw, warnings, variables).root(), raw.replaced());
    }

    private Map<String, Object> root() {
        Map<String, Object> result = new LinkedHashMap<>();
        raw.root().forEach((key, value) -> {
            switch (key) {
                case "version" -> warnings.add(raw.warning(key,
                        "the attribute \"version\" is obsolete, it will be ignored, please remove it to avoid potential confusion"));
                case "name" -> result.put(key, string(value, key));
                case "services" -> result.put(key, services(value));
                case "networks", "volumes" -> result.put(key, topLevel(value, key));
                case "configs" -> result.put(key, topLevelConfigs(value, key));
                default -> {
                    if (!key.startsWith("x-")) {
                        warnings.add(raw.warning(key, "top-level key \"" + key + "\" is not supported and is ignored"));
                    }
                }
            }
        });
        return result;
    }

    private Map<String, Object> services(Object value) {
        Map<String, Object> services = new LinkedHashMap<>();
        mapping(value, "services").forEach((name, service) -> {
            String path = Paths.key("services", name);
            if (!(service instanceof Map)) {
                throw raw.error(path, "service \"" + name + "\" must be a mapping, not " + RawTypes.describe(service));
            }
            services.put(name, service(name, RawTypes.asMap(service), path));
        });
        return services;
    }

    private Map<String, Object> service(String name, Map<String, Object> service, String servicePath) {
        Map<String, Object> result = new LinkedHashMap<>();
        service.forEach((key, value) -> {
            String path = Paths.key(servicePath, key);
            Field field = serviceFields.get(key);
            if (field != null) {
                Object canonical = field.read(value, path);
                if (canonical != null) {
                    result.put(key, canonical);
                }
            } else if (!key.startsWith("x-")) {
                warnings.add(raw.warning(path, "service \"" + name + "\": key \"" + key + "\" is not supported and is ignored"));
            }
        });
        return result;
    }

    private Object ignored(String path, String why) {
        warnings.add(raw.warning(path, path + " is ignored: " + why));
        return null;
    }

    // --- Field readers -------------------------------------------------------------------------

    private String string(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (!RawTypes.isScalar(value)) {
            throw typeError(path, "a string", value);
        }
        return value.toString();
    }

    /** A command line: a list as is, a string split into words like a shell. */
    private List<String> words(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return strings(list, path);
        }
        try {
            return List.copyOf(ShellWords.split(string(value, path)));
        } catch (IllegalArgumentException e) {
            throw raw.error(path, e.getMessage());
        }
    }

    private List<String> stringList(Object value, String path) {
        return strings(list(value, path), path);
    }

    private List<String> strings(List<?> list, String path) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String item = string(list.get(i), Paths.index(path, i));
            result.add(item == null ? "" : item);
        }
        return result;
    }

    /**
     * environment/labels: a map, or a list of "K=V"; a bare "K" (or "K:" with no value) gets
     * bareValue(K), which may be null. Ordered by first key.
     */
    private Map<String, String> keyValues(Object value, String path, Function<String, String> bareValue) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String entry = string(list.get(i), Paths.index(path, i));
                int eq = entry == null ? -1 : entry.indexOf('=');
                if (eq < 0) {
                    result.put(entry, bareValue.apply(entry));
                } else {
                    result.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return result;
        }
        mapping(value, path).forEach((key, v) -> {
            String text = string(v, Paths.key(path, key));
            result.put(key, text == null ? bareValue.apply(key) : text);
        });
        return result;
    }

    private List<EnvFileRef> envFiles(Object value, String path) {
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<EnvFileRef> refs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String itemPath = value instanceof List ? Paths.index(path, i) : path;
            if (item instanceof Map<?, ?> map) {
                Map<String, Object> entry = RawTypes.asMap(map);
                warnUnknown(entry, itemPath, Set.of("path", "required"));
                refs.add(new EnvFileRef(required(string(entry.get("path"), Paths.key(itemPath, "path")), itemPath, "path"),
                        bool(entry.getOrDefault("required", Boolean.TRUE), Paths.key(itemPath, "required"))));
            } else {
                refs.add(new EnvFileRef(string(item, itemPath), true));
            }
        }
        return refs;
    }

    private List<PortSpec> ports(Object value, String path) {
        List<PortSpec> ports = new ArrayList<>();
        List<?> items = list(value, path);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String itemPath = Paths.index(path, i);
            try {
                if (item instanceof Map<?, ?> map) {
                    ports.add(longPort(RawTypes.asMap(map), itemPath));
                } else {
                    ports.addAll(PortSyntax.parse(string(item, itemPath)));
                }
            } catch (IllegalArgumentException e) {
                throw raw.error(itemPath, "invalid port: " + e.getMessage());
            }
        }
        return ports;
    }

    private PortSpec longPort(Map<String, Object> port, String path) {
        warnUnknown(port, path, Set.of("target", "published", "host_ip", "protocol", "mode"));
        String target = required(string(port.get("target"), Paths.key(path, "target")), path, "target");
        int targetPort = PortSyntax.port(target, "target", target);
        String published = string(port.get("published"), Paths.key(path, "published"));
        if (published != null && !published.isEmpty()) {
            PortSyntax.range(published, "published");
        }
        String hostIp = string(port.get("host_ip"), Paths.key(path, "host_ip"));
        String protocol = string(port.get("protocol"), Paths.key(path, "protocol"));
        String mode = string(port.get("mode"), Paths.key(path, "mode"));
        return new PortSpec(hostIp == null ? "" : PortSyntax.hostIp(hostIp), published == null ? "" : published, targetPort,
                protocol == null ? "tcp" : PortSyntax.protocol(protocol), mode == null ? PortSpec.INGRESS : mode);
    }

    private List<VolumeSpec> volumes(Object value, String path) {
        List<VolumeSpec> volumes = new ArrayList<>();
        List<?> items = list(value, path);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String itemPath = Paths.index(path, i);
            try {
                volumes.add(item instanceof Map<?, ?> map ? longVolume(RawTypes.asMap(map), itemPath)
                        : VolumeSyntax.parse(string(item, itemPath)));
            } catch (IllegalArgumentException e) {
                throw raw.error(itemPath, e.getMessage());
            }
        }
        return volumes;
    }

    private VolumeSpec longVolume(Map<String, Object> volume, String path) {
        warnUnknown(volume, path, Set.of("type", "source", "target", "read_only", "bind", "volume", "tmpfs"));
        String type = required(string(volume.get("type"), Paths.key(path, "type")), path, "type");
        if (!type.equals(VolumeSpec.BIND) && !type.equals(VolumeSpec.VOLUME) && !type.equals(VolumeSpec.TMPFS)) {
            throw raw.error(Paths.key(path, "type"), "volume type \"" + type
                    + "\" is not supported (only bind, volume and tmpfs)");
        }
        String source = string(volume.get("source"), Paths.key(path, "source"));
        if (type.equals(VolumeSpec.BIND) && (source == null || source.isEmpty())) {
            throw raw.error(path, "a bind mount needs a source");
        }
        if (type.equals(VolumeSpec.TMPFS) && source != null && !source.isEmpty()) {
            throw raw.error(Paths.key(path, "source"), "a tmpfs mount has no source");
        }
        String target = VolumeSyntax.target(required(string(volume.get("target"), Paths.key(path, "target")), path, "target"),
                path);
        boolean readOnly = bool(volume.getOrDefault("read_only", Boolean.FALSE), Paths.key(path, "read_only"));
        // the options object of the mount's own type (bind: for a bind, volume: for a volume; tmpfs: below)
        Map<String, Object> options = !type.equals(VolumeSpec.TMPFS) && volume.get(type) instanceof Map<?, ?> map
                ? RawTypes.asMap(map) : null;
        boolean createHostPath = false;
        if (options != null) {
            boolean bind = type.equals(VolumeSpec.BIND);
            warnUnknown(options, Paths.key(path, type), bind ? Set.of("create_host_path") : Set.of());
            createHostPath = bind && bool(options.getOrDefault("create_host_path", Boolean.FALSE),
                    Paths.key(path, "bind.create_host_path"));
        }
        return new VolumeSpec(type, source == null || source.isEmpty() ? null : source, target, readOnly, createHostPath,
                options != null, tmpfsOptions(volume.get("tmpfs"), type, Paths.key(path, "tmpfs")));
    }

    private TmpfsOptions tmpfsOptions(Object value, String type, String path) {
        if (value == null) {
            return null;
        }
        if (!type.equals(VolumeSpec.TMPFS)) {
            throw raw.error(path, path + ": tmpfs options are only for type: tmpfs, not " + type);
        }
        Map<String, Object> options = mapping(value, path);
        warnUnknown(options, path, Set.of("size", "mode"));
        String size = string(options.get("size"), Paths.key(path, "size"));
        String mode = string(options.get("mode"), Paths.key(path, "mode"));
        try {
            return new TmpfsOptions(size == null ? null : ByteSizes.parse(size), mode == null ? null : fileMode(mode));
        } catch (IllegalArgumentException e) {
            throw raw.error(path, path + ": " + e.getMessage());
        }
    }

    /** Service configs: a config key, or {source, target, uid, gid, mode}. */
    private List<ConfigMount> serviceConfigs(Object value, String path) {
        List<ConfigMount> configs = new ArrayList<>();
        List<?> items = list(value, path);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = Paths.index(path, i);
            if (!(items.get(i) instanceof Map<?, ?> map)) {
                String source = required(string(items.get(i), itemPath), itemPath, "source");
                configs.add(new ConfigMount(source, null, null, null, null));
                continue;
            }
            Map<String, Object> entry = RawTypes.asMap(map);
            warnUnknown(entry, itemPath, Set.of("source", "target", "uid", "gid", "mode"));
            String modeText = string(entry.get("mode"), Paths.key(itemPath, "mode"));
            Integer mode;
            try {
                mode = modeText == null ? null : fileMode(modeText);
            } catch (IllegalArgumentException e) {
                throw raw.error(Paths.key(itemPath, "mode"), itemPath + ".mode: " + e.getMessage());
            }
            configs.add(new ConfigMount(required(string(entry.get("source"), Paths.key(itemPath, "source")), itemPath, "source"),
                    string(entry.get("target"), Paths.key(itemPath, "target")),
                    string(entry.get("uid"), Paths.key(itemPath, "uid")),
                    string(entry.get("gid"), Paths.key(itemPath, "gid")),
                    mode));
        }
        return configs;
    }

    /** A file mode as YAML writes it: a leading 0 (or 0o) means octal, as in compose-go. */
    private static int fileMode(String text) {
        try {
            if (text.startsWith("0o") || text.startsWith("0O")) {
                return Integer.parseInt(text.substring(2), 8);
            }
            return text.length() > 1 && text.startsWith("0") ? Integer.parseInt(text, 8) : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid file mode \"" + text + "\" (use e.g. 0440)");
        }
    }

    /** "host:ip" strings from a list ("host:ip" or "host=ip") or a map; IPv6 brackets dropped. */
    private List<String> extraHosts(Object value, String path) {
        List<String> hosts = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            RawTypes.asMap(map).forEach((host, ip) -> hosts.add(host + ":" + unbracket(string(ip, Paths.key(path, host)))));
            return hosts;
        }
        List<?> items = list(value, path);
        for (int i = 0; i < items.size(); i++) {
            String entry = string(items.get(i), Paths.index(path, i));
            int cut = entry == null ? -1 : entry.indexOf('=') >= 0 ? entry.indexOf('=') : entry.indexOf(':');
            if (cut <= 0) {
                throw raw.error(Paths.index(path, i), "invalid extra host \"" + entry + "\": expected host:ip");
            }
            hosts.add(entry.substring(0, cut) + ":" + unbracket(entry.substring(cut + 1)));
        }
        return hosts;
    }

    private static String unbracket(String ip) {
        return ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    }

    private Map<String, DependsOn> dependsOn(Object value, String path) {
        Map<String, DependsOn> result = new LinkedHashMap<>();
        if (value instanceof List<?> list) {
            strings(list, path).forEach(name -> result.put(name, new DependsOn(DependsOn.STARTED, true)));
            return result;
        }
        mapping(value, path).forEach((name, entry) -> {
            String entryPath = Paths.key(path, name);
            Map<String, Object> options = entry == null ? Map.of() : mapping(entry, entryPath);
            warnUnknown(options, entryPath, Set.of("condition", "required"));
            String condition = options.get("condition") == null ? DependsOn.STARTED
                    : string(options.get("condition"), Paths.key(entryPath, "condition"));
            if (!DependsOn.CONDITIONS.contains(condition)) {
                throw raw.error(Paths.key(entryPath, "condition"), "invalid depends_on condition \"" + condition
                        + "\" (one of " + String.join(", ", new TreeSet<>(DependsOn.CONDITIONS)) + ")");
            }
            result.put(name, new DependsOn(condition, bool(options.getOrDefault("required", Boolean.TRUE),
                    Paths.key(entryPath, "required"))));
        });
        return result;
    }

    private Map<String, Object> healthcheck(Object value, String path) {
        Map<String, Object> check = mapping(value, path);
        warnUnknown(check, path, Set.of("test", "interval", "timeout", "retries", "start_period", "disable"));
        Map<String, Object> result = new LinkedHashMap<>();
        check.forEach((key, v) -> {
            String keyPath = Paths.key(path, key);
            switch (key) {
                case "test" -> result.put(key, v instanceof List<?> list ? strings(list, keyPath)
                        : v == null ? null : List.of("CMD-SHELL", string(v, keyPath)));
                case "interval", "timeout", "start_period" -> result.put(key, duration(v, keyPath));
                case "retries" -> result.put(key, integer(v, keyPath));
                case "disable" -> result.put(key, bool(v, keyPath));
                default -> { }
            }
        });
        return result;
    }

    /** Service networks: a list of names or a map (per-network options are ignored with a warning). */
    private Map<String, Object> serviceNetworks(Object value, String path) {
        Map<String, Object> networks = new LinkedHashMap<>();
        if (value instanceof List<?> list) {
            strings(list, path).forEach(name -> networks.put(name, null));
            return networks;
        }
        mapping(value, path).forEach((name, options) -> {
            if (options instanceof Map<?, ?> map && !map.isEmpty()) {
                ignored(Paths.key(path, name), "per-network options (aliases, addresses) are not supported");
            }
            networks.put(name, null);
        });
        return networks;
    }

    /** Reads one option of a top-level entry into its canonical form; false for an option it does not know. */
    @FunctionalInterface
    private interface OptionReader {
        boolean read(String key, String option, Object value, String optionPath, Map<String, Object> entry);
    }

    /** Top-level networks/volumes: key to {name, driver, external, labels}. */
    private Map<String, Object> topLevel(Object value, String path) {
        return topLevelEntries(value, path, (key, option, v, optionPath, entry) -> {
            switch (option) {
                case "name", "driver" -> entry.put(option, string(v, optionPath));
                case "external" -> entry.put(option, bool(v, optionPath));
                case "labels" -> entry.put(option, keyValues(v, optionPath, k -> ""));
                default -> {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * Top-level configs: key to {name, file, content, environment}. An environment config also
     * gets {@link #CONFIG_ENVIRONMENT_VALUE}, its variable's value now (an included file has its
     * own variables). External configs and drivers are swarm features that docker compose refuses
     * at up as well: refused here, at load.
     */
    private Map<String, Object> topLevelConfigs(Object value, String path) {
        return topLevelEntries(value, path, (key, option, v, optionPath, entry) -> {
            switch (option) {
                case "name", "file", "content" -> entry.put(option, string(v, optionPath));
                case "environment" -> {
                    String variable = string(v, optionPath);
                    entry.put(option, variable);
                    entry.put(CONFIG_ENVIRONMENT_VALUE, variable == null ? null : variables.apply(variable));
                }
                case "external", "driver", "template_driver" -> {
                    if (!Boolean.FALSE.equals(v) && !"false".equals(v)) {
                        throw raw.error(optionPath, "config \"" + key + "\": " + option
                                + " is not supported (docker compose refuses it outside swarm too)");
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        });
    }

    /** Each entry of a top-level section as a map of its known options; unknown ones are warnings. */
    private Map<String, Object> topLevelEntries(Object value, String path, OptionReader reader) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        mapping(value, path).forEach((key, definition) -> {
            String keyPath = Paths.key(path, key);
            Map<String, Object> entry = new LinkedHashMap<>();
            Map<String, Object> options = definition == null ? Map.of() : mapping(definition, keyPath);
            options.forEach((option, v) -> {
                String optionPath = Paths.key(keyPath, option);
                if (!reader.read(key, option, v, optionPath, entry) && !option.startsWith("x-")) {
                    ignored(optionPath, "not supported");
                }
            });
            result.put(key, entry);
        });
        return result;
    }

    // --- Type helpers --------------------------------------------------------------------------

    private Map<String, Object> mapping(Object value, String path) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw typeError(path, "a mapping", value);
        }
        return RawTypes.asMap(value);
    }

    private List<?> list(Object value, String path) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw typeError(path, "a list", value);
        }
        return list;
    }

    private boolean bool(Object value, String path) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(text);
        }
        throw typeError(path, "true or false", value);
    }

    private Integer integer(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text && text.matches("\\d{1,9}")) {
            return Integer.valueOf(text);
        }
        throw typeError(path, "a whole number", value);
    }

    private Duration duration(Object value, String path) {
        if (value == null) {
            return null;
        }
        try {
            return Durations.parse(string(value, path));
        } catch (IllegalArgumentException e) {
            throw raw.error(path, path + ": " + e.getMessage());
        }
    }

    private String required(String value, String path, String key) {
        if (value == null) {
            throw raw.error(path, path + " needs a " + key);
        }
        return value;
    }

    private void warnUnknown(Map<String, Object> map, String path, Set<String> known) {
        map.keySet().stream()
                .filter(key -> !known.contains(key) && !key.startsWith("x-"))
                .forEach(key -> warnings.add(raw.warning(Paths.key(path, key),
                        path + ": key \"" + key + "\" is not supported and is ignored")));
    }

    private ConfigException typeError(String path, String expected, Object actual) {
        return raw.error(path, path + " must be " + expected + ", not " + RawTypes.describe(actual));
    }
}
