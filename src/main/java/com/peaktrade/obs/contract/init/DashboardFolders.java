package com.peaktrade.obs.contract.init;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which dashboards Grafana provisions from a tree of assets, and into which folder: a dashboard
 * provider's {@code options.path} is a path in Grafana's container, mapped back to the tree through
 * the compose files' bind mounts (else the directory of that name); with
 * {@code foldersFromFilesStructure} a dashboard lands in the folder named after its directory, at
 * the top in the provider's {@code folder} (else General).
 */
final class DashboardFolders {
    private final Path root;
    private final List<AssetTree.Found> found;
    private final Map<Path, String> mounts;
    private final Draft draft;

    private record Provider(Path directory, boolean fromFiles, String folder, Path file) {
    }

    DashboardFolders(Path root, List<AssetTree.Found> found, Map<Path, String> mounts, Draft draft) {
        this.root = root;
        this.found = found;
        this.mounts = mounts;
        this.draft = draft;
    }

    /** True when {@code file} lies in a subdirectory of a provisioning directory named {@code kind}. */
    static boolean belowProvisioningDirectory(Path file, String kind) {
        for (Path dir = file.getParent() == null ? null : file.getParent().getParent(); dir != null && dir.getFileName() != null;
                dir = dir.getParent()) {
            if (dir.getFileName().toString().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    void addDashboards() {
        List<AssetTree.Found> dashboards = found.stream().filter(f -> f.kind() == AssetTree.Kind.DASHBOARD).toList();
        List<Provider> providers = providers(dashboards);
        Path common = commonDirectory(dashboards.stream().map(f -> f.file().getParent()).toList());
        for (AssetTree.Found dashboard : dashboards) {
            Optional<Provider> provider = providers.stream().filter(p -> dashboard.file().startsWith(p.directory())).findFirst();
            String folder;
            String why = null;
            if (provider.isPresent()) {
                Provider p = provider.get();
                boolean atTop = dashboard.file().getParent().equals(p.directory());
                folder = p.fromFiles() && !atTop ? dashboard.file().getParent().getFileName().toString() : p.folder();
            } else if (providers.isEmpty()) {
                boolean atTop = dashboard.file().getParent().equals(common);
                folder = atTop ? null : dashboard.file().getParent().getFileName().toString();
                why = "no dashboard provider found: folder guessed from the directory of " + relative(dashboard.file());
            } else {
                draft.notes.add(relative(dashboard.file()) + ": not under any dashboard provider's path (Grafana does not load it)");
                continue;
            }
            add(dashboard, folder, why);
        }
    }

    private void add(AssetTree.Found file, String folder, String why) {
        JsonNode d = file.content();
        String uid = d.path("uid").asText("");
        if (uid.isEmpty()) {
            draft.notes.add(relative(file.file()) + ": dashboard without a uid (Grafana makes one up: give it one)");
            return;
        }
        if (draft.dashboards.containsKey(uid)) {
            draft.notes.add(relative(file.file()) + ": dashboard uid " + uid + " again (the first one is kept)");
            return;
        }
        List<Draft.Variable> variables = new ArrayList<>();
        for (JsonNode v : d.path("templating").path("list")) {
            String name = v.path("name").asText("");
            String kind = v.path("type").asText("");
            if (name.isEmpty() || kind.isEmpty()) {
                continue;
            }
            if (kind.equals("datasource")) {
                // verify checks the dashboard has it; the policy says which uids it may offer
                datasourceVariable(uid, v);
                variables.add(new Draft.Variable(name, kind, null));
                continue;
            }
            JsonNode query = v.get("query");
            String text = query == null || query.isNull() ? null : query.isObject() ? query.path("query").asText(null) : query.asText();
            variables.add(new Draft.Variable(name, kind, text == null || text.isBlank() ? null : text));
        }
        draft.dashboards.put(uid, new Draft.Dashboard(uid, d.path("title").asText(null), folder, variables, why));
    }

    /** A datasource variable offers the datasource it is set to, when the draft has that datasource. */
    private void datasourceVariable(String dashboard, JsonNode v) {
        String name = v.path("name").asText();
        String current = v.path("current").path("value").asText("");
        Optional<String> uid = draft.datasources.values().stream()
                .filter(ds -> ds.uid().equals(current) || current.equals(ds.name())).map(Draft.Datasource::uid).findFirst();
        if (uid.isPresent()) {
            draft.datasourceVariable(new Draft.DatasourceVariable(name, List.of(uid.get()), null));
        } else if (!draft.datasourceVariables.containsKey(name)) {
            draft.notes.add("variable " + name + " of dashboard " + dashboard + ": set to '" + current
                    + "', which is no provisioned datasource");
        }
    }

    private List<Provider> providers(List<AssetTree.Found> dashboards) {
        List<Provider> providers = new ArrayList<>();
        for (AssetTree.Found file : found) {
            if (file.kind() != AssetTree.Kind.DASHBOARD_PROVIDERS) {
                continue;
            }
            if (belowProvisioningDirectory(file.file(), "dashboards")) {
                draft.notes.add(relative(file.file()) + ": not provisioned (Grafana reads only the top level of provisioning/dashboards/)");
                continue;
            }
            for (JsonNode p : file.content().path("providers")) {
                String path = p.path("options").path("path").asText("");
                String folder = p.path("folder").asText("");
                directoryOf(path, dashboards).ifPresentOrElse(
                        dir -> providers.add(new Provider(dir, p.path("options").path("foldersFromFilesStructure").asBoolean(false),
                                folder.isEmpty() ? null : folder, file.file())),
                        () -> draft.notes.add(relative(file.file()) + ": provider " + p.path("name").asText() + " reads " + path
                                + ", which no directory here is"));
            }
        }
        // the deepest directory first: a dashboard belongs to the most specific provider
        providers.sort(Comparator.comparingInt((Provider p) -> p.directory().getNameCount()).reversed());
        return providers;
    }

    /** The tree's directory that Grafana sees at {@code containerPath}. */
    private Optional<Path> directoryOf(String containerPath, List<AssetTree.Found> dashboards) {
        if (containerPath.isEmpty()) {
            return Optional.empty();
        }
        String wanted = containerPath.replaceAll("/+$", "");
        for (Map.Entry<Path, String> mount : mounts.entrySet()) {
            String target = mount.getValue().replaceAll("/+$", "");
            if (wanted.equals(target) || wanted.startsWith(target + "/")) {
                return Optional.of(mount.getKey().resolve(wanted.substring(target.length()).replaceAll("^/+", "")).normalize());
            }
        }
        String last = wanted.substring(wanted.lastIndexOf('/') + 1);
        List<Path> named = new ArrayList<>();
        for (AssetTree.Found d : dashboards) {
            for (Path dir = d.file().getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
                if (dir.getFileName() != null && dir.getFileName().toString().equals(last) && !named.contains(dir)) {
                    named.add(dir);
                }
            }
        }
        if (named.size() == 1) {
            return Optional.of(named.get(0));
        }
        return dashboards.isEmpty() ? Optional.empty()
                : Optional.of(commonDirectory(dashboards.stream().map(f -> f.file().getParent()).toList()));
    }

    private Path commonDirectory(List<Path> directories) {
        if (directories.isEmpty()) {
            return root;
        }
        Path common = directories.get(0);
        for (Path dir : directories) {
            while (!dir.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common;
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
