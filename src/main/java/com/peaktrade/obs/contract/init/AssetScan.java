package com.peaktrade.obs.contract.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code contract init --from-assets DIR}: what a tree of assets provisions and scrapes, as a
 * {@link Draft}. Grafana reads only the top level of a provisioning directory, so a file in a
 * subdirectory of {@code datasources/} or {@code dashboards/} (e.g. {@code legacy_disabled/}) is
 * reported as left out. Paths are written relative to {@code contractDir}.
 */
final class AssetScan {
    private final Path root;
    private final Path contractDir;
    private final Draft draft;
    private final List<AssetTree.Found> found;
    private final List<ComposeFile> composeFiles = new ArrayList<>();

    /** A compose file's services as written. */
    private record ComposeFile(Path file, String name, Map<String, JsonNode> services) {
    }

    private AssetScan(Path root, Path contractDir, Draft draft) {
        this.root = root.toAbsolutePath().normalize();
        this.contractDir = contractDir.toAbsolutePath().normalize();
        this.draft = draft;
        this.found = AssetTree.scan(this.root);
    }

    /** Adds what {@code root} holds to {@code draft}. */
    static void scan(Path root, Path contractDir, Draft draft) {
        new AssetScan(root, contractDir, draft).scan();
    }

    private void scan() {
        draft.sources.add("assets under " + root);
        of(AssetTree.Kind.COMPOSE).forEach(f -> composeFiles.add(new ComposeFile(f.file(),
                f.content().path("name").asText(""), fields(f.content().path("services")))));
        of(AssetTree.Kind.DATASOURCES).forEach(this::datasources);
        new DashboardFolders(root, found, composeVolumes(), draft).addDashboards();
        of(AssetTree.Kind.SCRAPE_CONFIG).forEach(this::scrapeConfig);
        stacks();
    }

    private List<AssetTree.Found> of(AssetTree.Kind kind) {
        return found.stream().filter(f -> f.kind() == kind).toList();
    }

    private void datasources(AssetTree.Found file) {
        if (DashboardFolders.belowProvisioningDirectory(file.file(), "datasources")) {
            draft.notes.add(relative(file.file()) + ": not provisioned (Grafana reads only the top level of provisioning/datasources/)");
            return;
        }
        for (JsonNode d : file.content().path("datasources")) {
            String uid = d.path("uid").asText("");
            if (uid.isEmpty()) {
                draft.notes.add(relative(file.file()) + ": datasource " + d.path("name").asText() + " has no uid (Grafana makes one up: give it one)");
                continue;
            }
            if (draft.datasources.containsKey(uid)) {
                draft.notes.add(relative(file.file()) + ": datasource uid " + uid + " again (the first one is kept)");
                continue;
            }
            String url = d.path("url").asText("");
            String why = outsideTheStacks(url).map(where -> "points at " + where
                    + ", which no compose service here is: missing or unhealthy is a WARN").orElse(null);
            draft.datasources.put(uid, new Draft.Datasource(uid, d.path("name").asText(null), d.path("isDefault").asBoolean(false),
                    d.path("type").asText(null), url.isEmpty() ? null : url, why));
        }
    }

    private void scrapeConfig(AssetTree.Found file) {
        for (JsonNode job : file.content().path("scrape_configs")) {
            String name = job.path("job_name").asText("");
            List<String> targets = new ArrayList<>();
            job.path("static_configs").forEach(sc -> sc.path("targets").forEach(t -> targets.add(t.asText())));
            boolean outside = !targets.isEmpty() && targets.stream().allMatch(t -> outsideTheStacks("http://" + t).isPresent());
            draft.job(new Draft.Job(name, outside ? "scrapes " + String.join(", ", targets)
                    + ", which no compose service here is: down is a WARN" : null));
        }
    }

    /**
     * Where a URL points when compose files were found and it is none of their services nor a port
     * they publish on the host: something outside these stacks, e.g. the user's own Prometheus.
     */
    private Optional<String> outsideTheStacks(String url) {
        if (composeFiles.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost();
        int port = uri.getPort();
        boolean service = composeFiles.stream().anyMatch(c -> c.services().containsKey(host));
        boolean published = composeFiles.stream().flatMap(c -> c.services().values().stream())
                .flatMap(s -> ports(s).stream()).anyMatch(p -> p.host() != null && p.host() == port);
        return service || published ? Optional.empty() : Optional.of(host + (port > 0 ? ":" + port : ""));
    }

    /** Host directory → container path, from every compose file's bind mounts. */
    private Map<Path, String> composeVolumes() {
        Map<Path, String> mounts = new LinkedHashMap<>();
        for (ComposeFile c : composeFiles) {
            for (JsonNode service : c.services().values()) {
                for (JsonNode v : service.path("volumes")) {
                    String source;
                    String target;
                    if (v.isObject()) {
                        source = v.path("source").asText("");
                        target = v.path("target").asText("");
                    } else {
                        String[] parts = ComposeValues.withDefaults(v.asText()).split(":");
                        source = parts[0];
                        target = parts.length > 1 ? parts[1] : "";
                    }
                    if ((source.startsWith(".") || source.startsWith("/")) && !target.isEmpty()) {
                        mounts.put(c.file().getParent().resolve(source).normalize(), target);
                    }
                }
            }
        }
        return mounts;
    }

    /** One stack per directory of compose files, its files in the order they build on each other. */
    private void stacks() {
        Map<Path, List<ComposeFile>> byDirectory = new TreeMap<>();
        composeFiles.forEach(c -> byDirectory.computeIfAbsent(c.file().getParent(), d -> new ArrayList<>()).add(c));
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<Path, List<ComposeFile>> group : byDirectory.entrySet()) {
            List<ComposeFile> files = ordered(group.getValue());
            String declared = files.stream().map(ComposeFile::name).filter(n -> !n.isEmpty()).findFirst().orElse("");
            String name = unique(names, stackName(declared.isEmpty() ? directoryName(group.getKey()) : declared));
            String project = projectName(declared.isEmpty() ? group.getKey().getFileName().toString() : declared);
            Map<String, JsonNode> services = new LinkedHashMap<>();
            files.forEach(f -> f.services().forEach((service, spec) -> services.merge(service, spec, AssetScan::overlay)));
            draft.stacks.add(new Draft.Stack(name, project, files.stream().map(f -> shown(f.file())).toList(), roles(services),
                    "compose files in " + shown(group.getKey()) + (files.size() > 1 ? " (combined like docker compose -f … -f …)" : "")));
        }
    }

    /** A file that builds on services defined in another (overrides them, depends on them) comes after it. */
    private static List<ComposeFile> ordered(List<ComposeFile> files) {
        List<ComposeFile> left = new ArrayList<>(files);
        left.sort((a, b) -> a.file().getFileName().toString().compareTo(b.file().getFileName().toString()));
        List<ComposeFile> ordered = new ArrayList<>();
        while (!left.isEmpty()) {
            ComposeFile next = left.stream().filter(f -> left.stream().filter(o -> o != f).noneMatch(o -> buildsOn(f, o)))
                    .findFirst().orElse(left.get(0));
            ordered.add(next);
            left.remove(next);
        }
        return ordered;
    }

    private static boolean buildsOn(ComposeFile file, ComposeFile other) {
        for (Map.Entry<String, JsonNode> service : file.services().entrySet()) {
            JsonNode definedThere = other.services().get(service.getKey());
            if (definedThere != null && isDefinition(definedThere) && !isDefinition(service.getValue())) {
                return true;
            }
            for (String dependency : dependencies(service.getValue())) {
                JsonNode dependencyThere = other.services().get(dependency);
                if (dependencyThere != null && isDefinition(dependencyThere) && !file.services().containsKey(dependency)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDefinition(JsonNode service) {
        return service.has("image") || service.has("build");
    }

    private static List<String> dependencies(JsonNode service) {
        JsonNode d = service.path("depends_on");
        List<String> names = new ArrayList<>();
        if (d.isArray()) {
            d.forEach(n -> names.add(n.asText()));
        } else if (d.isObject()) {
            d.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static JsonNode overlay(JsonNode base, JsonNode override) {
        if (!base.isObject() || !override.isObject()) {
            return override;
        }
        ObjectNode merged = base.deepCopy();
        override.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        return merged;
    }

    /** Which service is Prometheus, Grafana and the exporter: by image and name, the exporter by what a job scrapes. */
    private Map<String, Draft.Service> roles(Map<String, JsonNode> services) {
        Map<String, Draft.Service> roles = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> s : services.entrySet()) {
            String image = ComposeValues.withDefaults(s.getValue().path("image").asText("")).toLowerCase(Locale.ROOT);
            String name = s.getKey().toLowerCase(Locale.ROOT);
            Optional<ScrapeTarget> scraped = scrapedAs(s.getKey());
            String what = image + " " + name;
            String role = what.contains("exporter") ? "exporter"
                    : what.contains("prometheus") ? "prometheus"
                    : what.contains("grafana") ? "grafana"
                    : scraped.isPresent() ? "exporter" : null;
            if (role == null || roles.containsKey(role)) {
                continue;
            }
            int defaultPort = switch (role) {
                case "prometheus" -> 9090;
                case "grafana" -> 3000;
                default -> scraped.map(ScrapeTarget::port).orElse(0);
            };
            List<ComposeValues.Port> ports = ports(s.getValue());
            Optional<ComposeValues.Port> port = ports.stream().filter(p -> p.container() == defaultPort).findFirst()
                    .or(() -> ports.stream().findFirst());
            int containerPort = port.map(ComposeValues.Port::container).orElse(defaultPort);
            if (containerPort == 0) {
                continue;
            }
            roles.put(role, new Draft.Service(role, s.getKey(), containerPort, port.map(ComposeValues.Port::host).orElse(null),
                    port.map(ComposeValues.Port::hostEnv).orElse(null),
                    role.equals("exporter") ? scraped.map(ScrapeTarget::path).orElse("/metrics") : null,
                    scraped.map(ScrapeTarget::job).orElse(null)));
        }
        Map<String, Draft.Service> inOrder = new LinkedHashMap<>();
        for (String role : List.of("prometheus", "grafana", "exporter")) {
            Optional.ofNullable(roles.get(role)).ifPresent(service -> inOrder.put(role, service));
        }
        return inOrder;
    }

    private record ScrapeTarget(String job, int port, String path) {
    }

    private Optional<ScrapeTarget> scrapedAs(String service) {
        for (AssetTree.Found config : of(AssetTree.Kind.SCRAPE_CONFIG)) {
            for (JsonNode job : config.content().path("scrape_configs")) {
                for (JsonNode sc : job.path("static_configs")) {
                    for (JsonNode t : sc.path("targets")) {
                        String[] hostPort = t.asText().split(":");
                        if (hostPort.length == 2 && hostPort[0].equals(service)) {
                            return ComposeValues.number(hostPort[1]).map(port -> new ScrapeTarget(job.path("job_name").asText(),
                                    port, job.path("metrics_path").asText("/metrics")));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<ComposeValues.Port> ports(JsonNode service) {
        List<ComposeValues.Port> ports = new ArrayList<>();
        for (JsonNode p : service.path("ports")) {
            if (p.isObject()) {
                ComposeValues.number(ComposeValues.withDefaults(p.path("target").asText(""))).ifPresent(target -> {
                    String published = p.path("published").asText("");
                    ports.add(new ComposeValues.Port(target, ComposeValues.number(ComposeValues.withDefaults(published)).orElse(null),
                            ComposeValues.variableOf(published).orElse(null)));
                });
            } else {
                ComposeValues.port(p.asText()).ifPresent(ports::add);
            }
        }
        return ports;
    }

    /** Our own layout keeps compose files in compose/: the stack is then named after the directory above. */
    private static String directoryName(Path directory) {
        String name = directory.getFileName() == null ? "stack" : directory.getFileName().toString();
        if (Set.of("compose", "docker", "deploy", "docker-compose").contains(name.toLowerCase(Locale.ROOT))
                && directory.getParent() != null && directory.getParent().getFileName() != null) {
            return directory.getParent().getFileName().toString();
        }
        return name;
    }

    static String stackName(String raw) {
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^[^a-z]+|-+$", "");
        return name.isEmpty() ? "stack" : name;
    }

    /** As docker compose makes a project name of a directory: lower case, only a-z 0-9 _ -. */
    private static String projectName(String raw) {
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "").replaceAll("^[_-]+", "");
        return name.isEmpty() ? "stack" : name;
    }

    private static String unique(Set<String> names, String name) {
        String candidate = name;
        for (int i = 2; !names.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isNull()
                ? JsonNodeFactory.instance.objectNode() : e.getValue()));
        return fields;
    }

    /** A path as notes name it: relative to the assets directory. */
    private String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** A path as the contract writes it: relative to the contract file's directory, with /. */
    private String shown(Path file) {
        return contractDir.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
