package com.peaktrade.obs.lint;

import com.peaktrade.obs.compose.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Grafana provisioning rules: datasources (across all files, per org) and dashboard providers. */
final class ProvisioningLint {
    private record Ds(Path file, int line, String name, String uid, String org, boolean isDefault, int defaultLine,
            String url, int urlLine, int uidLine, int nameLine) {
    }

    private final Findings out;
    private final StackModel stack;
    private final List<Ds> datasources = new ArrayList<>();
    /** Uids and names of every provisioned datasource, for the dashboard rules. */
    final Set<String> datasourceIds = new LinkedHashSet<>();
    boolean sawDatasourceFiles;

    ProvisioningLint(Findings out, StackModel stack) {
        this.out = out;
        this.stack = stack;
    }

    void datasourceFile(Path file) {
        sawDatasourceFiles = true;
        Node.MapNode root = mapping(file);
        if (root == null) {
            return;
        }
        if (root.get("apiVersion").isEmpty()) {
            out.add(Rules.DATASOURCE_APIVERSION_MISSING, file, 1, "", out.show(file) + " has no apiVersion");
        }
        Node list = root.get("datasources").orElse(null);
        if (list == null || list instanceof Node.Scalar s && s.text() == null) {
            return;
        }
        if (!(list instanceof Node.ListNode items)) {
            out.broken(file, list.line(), "datasources must be a list, found " + list.kind());
            return;
        }
        for (Node item : items.items()) {
            if (!(item instanceof Node.MapNode ds)) {
                out.broken(file, item.line(), "a datasource must be a mapping, found " + item.kind());
                continue;
            }
            String org = ds.text("orgId") == null ? "1" : ds.text("orgId");
            datasources.add(new Ds(file, ds.line(), ds.text("name"), ds.text("uid"), org, ds.isTrue("isDefault"),
                    ds.lineOf("isDefault"), ds.text("url"), ds.lineOf("url"), ds.lineOf("uid"), ds.lineOf("name")));
            if (ds.text("uid") != null) {
                datasourceIds.add(ds.text("uid"));
            }
            if (ds.text("name") != null) {
                datasourceIds.add(ds.text("name"));
            }
        }
    }

    /** Rules across all datasource files; call after every file was read. */
    void finishDatasources() {
        if (!sawDatasourceFiles) {
            return;
        }
        Map<String, List<Ds>> byOrg = new HashMap<>();
        datasources.forEach(d -> byOrg.computeIfAbsent(d.org(), k -> new ArrayList<>()).add(d));
        byOrg.forEach((org, list) -> {
            List<Ds> defaults = list.stream().filter(Ds::isDefault).toList();
            if (defaults.size() > 1) {
                for (Ds d : defaults.subList(1, defaults.size())) {
                    out.add(Rules.DATASOURCE_DEFAULT_COUNT, d.file(), d.defaultLine(), d.name(), "datasource " + d.name()
                            + " is a second isDefault in org " + org + " (first: " + defaults.get(0).name() + " in "
                            + out.show(defaults.get(0).file()) + ":" + defaults.get(0).defaultLine()
                            + "): Grafana refuses to start");
                }
            } else if (defaults.isEmpty() && !list.isEmpty()) {
                Ds first = list.get(0);
                out.add(Rules.DATASOURCE_DEFAULT_COUNT, first.file(), first.line(), "", "org " + org
                        + " has no default datasource among " + list.size());
            }
            duplicates(list, Ds::uid, Ds::uidLine, Rules.DATASOURCE_UID_DUPLICATE, "uid");
            duplicates(list, Ds::name, Ds::nameLine, Rules.DATASOURCE_NAME_DUPLICATE, "name");
        });
        for (Ds d : datasources) {
            if (d.uid() == null) {
                out.add(Rules.DATASOURCE_UID_MISSING, d.file(), d.line(), String.valueOf(d.name()), "datasource " + d.name()
                        + " has no uid");
            }
            url(d);
        }
        for (Rule r : List.of(Rules.DATASOURCE_DEFAULT_COUNT, Rules.DATASOURCE_UID_DUPLICATE, Rules.DATASOURCE_NAME_DUPLICATE,
                Rules.DATASOURCE_UID_MISSING, Rules.DATASOURCE_URL_LOCALHOST, Rules.DATASOURCE_APIVERSION_MISSING)) {
            out.checked(r, datasources.size() + " datasources");
        }
        if (stack != null) {
            out.checked(Rules.DATASOURCE_URL_HOSTPORT, datasources.size() + " datasources");
            out.checked(Rules.DATASOURCE_URL_UNKNOWN_HOST, datasources.size() + " datasources");
        }
    }

    private void duplicates(List<Ds> list, java.util.function.Function<Ds, String> key,
            java.util.function.ToIntFunction<Ds> line, Rule rule, String what) {
        Map<String, Ds> first = new HashMap<>();
        for (Ds d : list) {
            String k = key.apply(d);
            if (k == null) {
                continue;
            }
            Ds earlier = first.putIfAbsent(k, d);
            if (earlier != null) {
                out.add(rule, d.file(), line.applyAsInt(d), k, "datasource " + what + " " + k + " is already used at "
                        + out.show(earlier.file()) + ":" + line.applyAsInt(earlier));
            }
        }
    }

    private void url(Ds d) {
        if (d.url() == null || d.url().isBlank()) {
            return;
        }
        URI uri;
        try {
            uri = new URI(d.url());
        } catch (URISyntaxException e) {
            out.broken(d.file(), d.urlLine(), "datasource " + d.name() + " url is not a URL: " + d.url());
            return;
        }
        if (uri.getHost() == null) {
            return;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        Reach.judge(uri.getHost(), port, stack, "Grafana").ifPresent(v -> out.add(switch (v.problem()) {
            case LOCALHOST -> Rules.DATASOURCE_URL_LOCALHOST;
            case HOSTPORT -> Rules.DATASOURCE_URL_HOSTPORT;
            case UNKNOWN_HOST -> Rules.DATASOURCE_URL_UNKNOWN_HOST;
        }, d.file(), d.urlLine(), d.url(), "datasource " + d.name() + " url " + d.url() + ": " + v.message()));
        if (uri.getHost().equals(StackModel.HOST_GATEWAY_NAME) && stack != null) {
            for (ServiceSpec g : stack.ofKind("grafana")) {
                if (!StackModel.hasHostGateway(g)) {
                    out.add(Rules.COMPOSE_EXTRA_HOSTS_MISSING, d.file(), d.urlLine(), d.url(), "datasource " + d.name()
                            + " uses host.docker.internal but service " + g.name() + " has no extra_hosts host-gateway");
                }
            }
        }
    }

    void providerFile(Path file) {
        Node.MapNode root = mapping(file);
        if (root == null) {
            return;
        }
        Node list = root.get("providers").orElse(null);
        if (list == null) {
            return;
        }
        if (!(list instanceof Node.ListNode items)) {
            out.broken(file, list.line(), "providers must be a list, found " + list.kind());
            return;
        }
        for (Node item : items.items()) {
            if (!(item instanceof Node.MapNode p)) {
                out.broken(file, item.line(), "a provider must be a mapping, found " + item.kind());
                continue;
            }
            provider(file, p);
        }
        out.checked(Rules.PROVIDER_FOLDER_IGNORED, "dashboard providers");
        out.checked(Rules.PROVIDER_FOLDER_CONFLICT, "dashboard providers");
    }

    private void provider(Path file, Node.MapNode p) {
        String name = p.text("name");
        Node.MapNode options = p.get("options").orElse(null) instanceof Node.MapNode o ? o : null;
        boolean fromFiles = options != null && options.isTrue("foldersFromFilesStructure");
        String folder = p.text("folder");
        String folderUid = p.text("folderUid");
        if (fromFiles && folder != null && !folder.isEmpty()) {
            if (folderUid != null && !folderUid.isEmpty()) {
                out.add(Rules.PROVIDER_FOLDER_CONFLICT, file, p.lineOf("folderUid"), folderUid, "provider " + name
                        + " sets folder and folderUid with foldersFromFilesStructure: Grafana fails to provision it");
            } else {
                out.add(Rules.PROVIDER_FOLDER_IGNORED, file, p.lineOf("folder"), folder, "provider " + name + " sets folder \""
                        + folder + "\" but foldersFromFilesStructure puts each dashboard in the folder named after its "
                        + "directory; \"" + folder + "\" is ignored");
            }
        }
        if (stack == null) {
            return;
        }
        out.checked(Rules.PROVIDER_PATH_UNMOUNTED, "dashboard providers");
        String path = options == null ? null : options.text("path");
        if (path == null || path.isBlank()) {
            out.add(Rules.PROVIDER_PATH_UNMOUNTED, file, p.line(), "", "provider " + name + " has no options.path");
            return;
        }
        for (ServiceSpec g : stack.ofKind("grafana")) {
            Optional<Path> host = StackModel.hostPathOf(g, path);
            int line = options.lineOf("path");
            if (host.isEmpty()) {
                out.add(Rules.PROVIDER_PATH_UNMOUNTED, file, line, path, "provider " + name + " reads " + path
                        + " but no bind mount of service " + g.name() + " provides it");
            } else if (countJson(host.get()) == 0) {
                out.add(Rules.PROVIDER_PATH_UNMOUNTED, file, line, path, "provider " + name + " reads " + path + ", mounted from "
                        + out.show(host.get()) + ", which has no dashboard JSON");
            }
        }
    }

    private static long countJson(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir, 8)) {
            return walk.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private Node.MapNode mapping(Path file) {
        Node root;
        try {
            root = LocatedReader.readYaml(file);
        } catch (BrokenInputException e) {
            out.broken(file, e.line(), e.getMessage());
            return null;
        }
        if (root instanceof Node.Scalar s && s.text() == null) {
            return new Node.MapNode(Map.of(), 1);
        }
        if (!(root instanceof Node.MapNode m)) {
            out.broken(file, root.line(), "a provisioning file must be a mapping, found " + root.kind());
            return null;
        }
        return m;
    }
}
