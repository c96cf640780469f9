package com.peaktrade.obs.standin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * File-based dashboard providers (grafana-facts.md §10): walks each provider's {@code options.path},
 * maps files to folders, keeps the first of duplicate uids, and polls for changes like Grafana's file
 * reader. Readers see an immutable {@link Snapshot}.
 */
final class Dashboards {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String GENERAL = "General";

    /** One entry of {@code providers:}. */
    record Provider(String name, long orgId, String folder, String folderUid, boolean allowUiUpdates, Path path,
            boolean foldersFromFiles, int updateIntervalSeconds) {
    }

    record Folder(long id, String uid, String title) {
    }

    /** A provisioned dashboard; {@code folder} is null for General. */
    record Dashboard(long id, String uid, String title, List<String> tags, ObjectNode json, Folder folder,
            String provider, String externalId, boolean provisioned, Instant updated) {
    }

    /** What one provisioning pass loaded; {@code byUid} indexes it (a Grafana with thousands answers by index too). */
    record Snapshot(List<Folder> folders, List<Dashboard> dashboards, Map<String, Dashboard> byUid) {
        Snapshot(List<Folder> folders, List<Dashboard> dashboards) {
            this(folders, dashboards, index(dashboards));
        }

        private static Map<String, Dashboard> index(List<Dashboard> dashboards) {
            Map<String, Dashboard> byUid = new HashMap<>();
            dashboards.forEach(d -> byUid.putIfAbsent(d.uid(), d));
            return Map.copyOf(byUid);
        }
    }

    private record Loaded(String uid, String title, List<String> tags, ObjectNode json, String folderTitle,
            String folderUid, String externalId, Instant updated) {
    }

    private final List<Provider> providers;
    private final Db db;
    private final Map<String, List<Loaded>> frozen = new HashMap<>();
    private final Map<String, String> lastProviderError = new HashMap<>();
    private final Set<String> reportedFiles = new HashSet<>();
    private final Set<String> reportedUids = new HashSet<>();
    private volatile Snapshot snapshot = new Snapshot(List.of(), List.of());
    private ScheduledExecutorService poller;

    Dashboards(List<Provider> providers, Db db) {
        this.providers = providers;
        this.db = db;
    }

    static List<Provider> providers(Path dir, Map<String, String> env) throws Fatal {
        List<Provider> out = new ArrayList<>();
        for (ProvisioningFiles.Yaml file : ProvisioningFiles.read(dir, env)) {
            for (JsonNode p : file.root().path("providers")) {
                JsonNode options = p.path("options");
                boolean fromFiles = ProvisioningFiles.bool(options, "foldersFromFilesStructure", false);
                String folder = ProvisioningFiles.text(p, "folder", "");
                String folderUid = ProvisioningFiles.text(p, "folderUid", "");
                if (fromFiles && !folder.isEmpty() && !folderUid.isEmpty()) {
                    throw new Fatal(file.path() + ": 'folder' and 'folderUID' should be empty using "
                            + "'foldersFromFilesStructure' option");
                }
                long org = ProvisioningFiles.number(p, "orgId", 1);
                long interval = ProvisioningFiles.number(p, "updateIntervalSeconds", 10);
                out.add(new Provider(ProvisioningFiles.text(p, "name", ""), org == 0 ? 1 : org, folder, folderUid,
                        ProvisioningFiles.bool(p, "allowUiUpdates", false),
                        Path.of(ProvisioningFiles.text(options, "path", "")), fromFiles,
                        (int) (interval <= 0 ? 10 : interval)));
            }
        }
        return out;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** First provisioning pass now, then polling at the smallest provider interval. */
    void start() {
        provision();
        int interval = providers.stream().mapToInt(Provider::updateIntervalSeconds).min().orElse(10);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dashboard-poller");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::provision, interval, interval, TimeUnit.SECONDS);
    }

    /** Stops polling: the process would end anyway, but in-process tests stop the stand-in and go on. */
    void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    synchronized void provision() {
        Map<String, Folder> folders = new LinkedHashMap<>();
        List<Dashboard> dashboards = new ArrayList<>();
        Map<String, Set<String>> uidProviders = new LinkedHashMap<>();
        Map<String, Integer> uidTimes = new HashMap<>();
        Set<String> providersWithDuplicates = new LinkedHashSet<>();
        Map<String, List<Loaded>> thisPass = new HashMap<>();
        for (Provider provider : providers) {
            List<Loaded> files = frozen.containsKey(provider.name()) ? frozen.get(provider.name()) : walk(provider);
            thisPass.put(provider.name(), files);
            for (Loaded f : files) {
                uidProviders.computeIfAbsent(f.uid(), k -> new LinkedHashSet<>()).add(provider.name());
                if (uidTimes.merge(f.uid(), 1, Integer::sum) > 1) {
                    providersWithDuplicates.addAll(uidProviders.get(f.uid()));
                    continue; // the first file with this uid wins
                }
                Folder folder = null;
                if (!f.folderTitle().isEmpty()) {
                    folder = folders.computeIfAbsent(f.folderTitle(), title -> {
                        String uid = f.folderUid().isEmpty() ? db.uid("folder:" + title) : f.folderUid();
                        return new Folder(db.id("folder:" + uid), uid, title);
                    });
                }
                Dashboard d = new Dashboard(db.id("dashboard:" + f.uid()), f.uid(), f.title(), f.tags(), f.json(),
                        folder, provider.name(), f.externalId(), !provider.allowUiUpdates(), f.updated());
                dashboards.add(d);
            }
        }
        for (Map.Entry<String, Integer> e : uidTimes.entrySet()) {
            if (e.getValue() > 1 && reportedUids.add(e.getKey())) {
                log("provisioning.dashboard").warn("the same UID is used more than once", "orgId", 1,
                        "uid", e.getKey(), "times", e.getValue(), "providers", uidProviders.get(e.getKey()));
            }
        }
        for (Provider provider : providers) {
            if (providersWithDuplicates.contains(provider.name()) && !frozen.containsKey(provider.name())) {
                frozen.put(provider.name(), thisPass.get(provider.name()));
                log("provisioning.dashboard").warn(
                        "dashboards provisioning provider has no database write permissions because of duplicates",
                        "provider", provider.name(), "orgId", provider.orgId());
            }
        }
        snapshot = new Snapshot(List.copyOf(folders.values()), List.copyOf(dashboards));
    }

    private List<Loaded> walk(Provider provider) {
        Log log = log("provisioning.dashboard type=file name=" + Log.quote(provider.name()));
        if (!Files.isDirectory(provider.path())) {
            String error = "stat " + provider.path() + ": no such file or directory";
            if (!error.equals(lastProviderError.put(provider.name(), error))) {
                log.error("Cannot read directory", "error", error);
                log("provisioning.dashboard").warn("Failed to provision config", "name", provider.name(),
                        "error", error);
            }
            return List.of();
        }
        lastProviderError.remove(provider.name());
        try {
            return readAll(provider, listJson(provider.path()));
        } catch (IOException e) {
            log.error("failed to search for dashboards", "error", e.toString());
            return List.of();
        }
    }

    private List<Loaded> readAll(Provider provider, List<Path> files) {
        Log log = log("provisioning.dashboard type=file name=" + Log.quote(provider.name()));
        List<Loaded> out = new ArrayList<>();
        for (Path file : files) {
            String rel = provider.path().relativize(file).toString();
            String seenKey;
            JsonNode parsed;
            Instant updated;
            try {
                updated = Files.getLastModifiedTime(file).toInstant();
                seenKey = file + "@" + updated.toEpochMilli();
                parsed = JSON.readTree(file.toFile());
            } catch (IOException e) {
                if (reportedFiles.add(file + "@" + fileTime(file))) {
                    log.error("failed to load dashboard from ", "file", file, "error", firstLine(e.getMessage()));
                }
                continue;
            }
            if (!(parsed instanceof ObjectNode json) || json.path("title").asText("").isBlank()) {
                if (reportedFiles.add(seenKey)) {
                    log.error("failed to save dashboard", "file", file, "error", "Dashboard title cannot be empty");
                }
                continue;
            }
            String uid = json.path("uid").asText("");
            if (uid.isEmpty()) {
                uid = db.uid("dashboard:" + provider.name() + ":" + rel);
            }
            List<String> tags = new ArrayList<>();
            json.path("tags").forEach(t -> tags.add(t.asText()));
            String folderTitle;
            String folderUid = "";
            if (provider.foldersFromFiles()) {
                Path parent = Path.of(rel).getParent();
                folderTitle = parent == null ? "" : parent.getFileName().toString();
            } else {
                folderTitle = provider.folder();
                folderUid = provider.folderUid();
            }
            out.add(new Loaded(uid, json.path("title").asText(), List.copyOf(tags), json, folderTitle, folderUid,
                    rel, updated));
        }
        return out;
    }

    /** *.json files below {@code dir}, in Go filepath.Walk order (lexical, depth-first). */
    private static List<Path> listJson(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        }
        for (Path p : entries) {
            if (Files.isDirectory(p)) {
                out.addAll(listJson(p));
            } else if (p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static long fileTime(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "unreadable" : message;
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static Log log(String name) {
        return Log.named(name);
    }
}
