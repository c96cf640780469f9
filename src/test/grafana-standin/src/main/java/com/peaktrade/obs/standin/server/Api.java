package com.peaktrade.obs.standin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Routes and answers of the Grafana HTTP API the stand-in serves (grafana-facts.md §1–§8). */
final class Api implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern VALID_UID = Pattern.compile("^[a-zA-Z0-9\\-_]{0,40}$");
    private static final Comparator<String> CI = String.CASE_INSENSITIVE_ORDER;
    private static final Log REQUESTS = Log.named("context");

    private final String version;
    private final boolean hideVersion;
    private final Auth auth;
    private final List<Datasources.Datasource> datasources;
    private final Supplier<Dashboards.Snapshot> dashboards;
    private final Queries queries = new Queries();

    Api(String version, boolean hideVersion, Auth auth, List<Datasources.Datasource> datasources,
            Supplier<Dashboards.Snapshot> dashboards) {
        this.version = version;
        this.hideVersion = hideVersion;
        this.auth = auth;
        this.datasources = datasources;
        this.dashboards = dashboards;
    }

    /** What to send back. */
    private record Answer(int status, String contentType, byte[] body) {
        static Answer json(int status, JsonNode body) {
            try {
                return new Answer(status, "application/json", JSON.writeValueAsBytes(body));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Answer message(int status, String message) {
            return json(status, F.objectNode().put("message", message));
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Answer answer;
        try {
            answer = route(exchange, method, path);
        } catch (RuntimeException e) {
            Log.named("api").error("Request error", "path", path, "error", e.toString());
            answer = Answer.message(500, "Internal server error");
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", answer.contentType());
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "deny");
        headers.set("X-Xss-Protection", "1; mode=block");
        boolean head = "HEAD".equals(method);
        exchange.sendResponseHeaders(answer.status(), head ? -1 : answer.body().length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
        exchange.close();
        if (answer.status() >= 400) {
            REQUESTS.info("Request Completed", "method", method, "path", path, "status", answer.status(),
                    "remote_addr", exchange.getRemoteAddress().getAddress().getHostAddress(),
                    "time_ms", (System.nanoTime() - start) / 1_000_000);
        }
    }

    private Answer route(HttpExchange exchange, String method, String path) throws IOException {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (path.equals("/api/health") && read) {
            return health();
        }
        if (path.equals("/healthz") && read) {
            return new Answer(200, "text/plain; charset=utf-8", "Ok".getBytes(StandardCharsets.UTF_8));
        }
        String[] seg = segments(path);
        Supplier<Answer> handler = null;
        if (read && seg.length == 2 && seg[1].equals("datasources")) {
            handler = this::datasourceList;
        } else if (read && seg.length == 4 && seg[1].equals("datasources") && seg[2].equals("uid")) {
            handler = () -> datasource(seg[3]);
        } else if (read && seg.length == 5 && seg[1].equals("datasources") && seg[2].equals("uid")
                && seg[4].equals("health")) {
            handler = () -> datasourceHealth(seg[3]);
        } else if (read && seg.length == 2 && seg[1].equals("search")) {
            handler = () -> search(params(exchange));
        } else if (read && seg.length == 4 && seg[1].equals("dashboards") && seg[2].equals("uid")) {
            handler = () -> dashboard(seg[3]);
        } else if (read && seg.length == 2 && seg[1].equals("folders")) {
            handler = () -> folders(params(exchange));
        } else if ("POST".equals(method) && seg.length == 3 && seg[1].equals("ds") && seg[2].equals("query")) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            handler = () -> dsQuery(body);
        }
        if (handler == null || !seg[0].equals("api")) {
            return Answer.message(404, "Not found");
        }
        ObjectNode denied = auth.check(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRemoteAddress().getAddress().getHostAddress());
        return denied != null ? Answer.json(401, denied) : handler.get();
    }

    /** §1: pretty-printed like Go's json.MarshalIndent, keys database, version, commit. */
    private Answer health() {
        StringBuilder body = new StringBuilder("{\n  \"database\": \"ok\"");
        if (!hideVersion) {
            body.append(",\n  \"version\": \"").append(version).append("\",\n  \"commit\": \"standin\"");
        }
        body.append("\n}");
        return new Answer(200, "application/json; charset=UTF-8", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Answer datasourceList() {
        ArrayNode list = F.arrayNode();
        datasources.stream().sorted(Comparator.comparing(Datasources.Datasource::name, CI)).forEach(ds -> {
            ObjectNode o = datasourceCommon(ds, true);
            o.put("isDefault", ds.isDefault());
            o.set("jsonData", ds.jsonData());
            o.put("readOnly", !ds.editable());
            list.add(o);
        });
        return Answer.json(200, list);
    }

    private Answer datasource(String uid) {
        return findDatasource(uid).map(ds -> {
            ObjectNode o = datasourceCommon(ds, false);
            o.put("basicAuthUser", ds.basicAuthUser()).put("withCredentials", ds.withCredentials())
                    .put("isDefault", ds.isDefault());
            o.set("jsonData", ds.jsonData());
            ObjectNode secure = o.putObject("secureJsonFields");
            ds.secureJsonFields().forEach(k -> secure.put(k, true));
            o.put("version", 1).put("readOnly", !ds.editable());
            return Answer.json(200, o);
        }).orElseGet(() -> Answer.message(404, "Data source not found"));
    }

    private static ObjectNode datasourceCommon(Datasources.Datasource ds, boolean withTypeName) {
        ObjectNode o = F.objectNode();
        o.put("id", ds.id()).put("uid", ds.uid()).put("orgId", ds.orgId()).put("name", ds.name())
                .put("type", ds.type());
        if (withTypeName) {
            o.put("typeName", ds.type().equals("prometheus") ? "Prometheus" : "");
        }
        o.put("typeLogoUrl", ds.type().equals("prometheus")
                ? "public/app/plugins/datasource/prometheus/img/prometheus_logo.svg" : "");
        o.put("access", ds.access()).put("url", ds.url()).put("user", ds.user()).put("database", ds.database())
                .put("basicAuth", ds.basicAuth());
        return o;
    }

    private Answer datasourceHealth(String uid) {
        if (!VALID_UID.matcher(uid).matches()) {
            return Answer.message(400, "UID is invalid");
        }
        return findDatasource(uid).map(ds -> {
            Queries.Reply reply = queries.health(ds);
            return Answer.json(reply.status(), reply.body());
        }).orElseGet(() -> Answer.message(500, "Unable to load datasource metadata"));
    }

    private Optional<Datasources.Datasource> findDatasource(String uid) {
        return datasources.stream().filter(ds -> ds.uid().equals(uid)).findFirst();
    }

    /** §5. */
    private Answer search(Map<String, List<String>> q) {
        int limit = intParam(q, "limit", 1000);
        if (limit > 5000) {
            return Answer.message(422, "Limit is above maximum allowed (5000), use page parameter to access hits beyond limit");
        }
        String type = first(q, "type");
        String query = first(q, "query").toLowerCase(Locale.ROOT);
        List<String> tags = q.getOrDefault("tag", List.of());
        List<String> uids = new ArrayList<>(q.getOrDefault("dashboardUIDs", List.of()));
        uids.addAll(q.getOrDefault("dashboardUID", List.of()));
        List<String> folderUids = q.getOrDefault("folderUIDs", List.of());
        Set<String> uidSet = new HashSet<>(uids);
        Dashboards.Snapshot snap = dashboards.get();
        ArrayNode hits = F.arrayNode();
        if (!type.equals("dash-db") && tags.isEmpty() && folderUids.isEmpty()) {
            snap.folders().stream()
                    .filter(f -> f.title().toLowerCase(Locale.ROOT).contains(query))
                    .filter(f -> uidSet.isEmpty() || uidSet.contains(f.uid()))
                    .sorted(Comparator.comparing(Dashboards.Folder::title, CI))
                    .forEach(f -> hits.add(folderHit(f)));
        }
        if (!type.equals("dash-folder")) {
            snap.dashboards().stream()
                    .filter(d -> d.title().toLowerCase(Locale.ROOT).contains(query))
                    .filter(d -> d.tags().containsAll(tags))
                    .filter(d -> uidSet.isEmpty() || uidSet.contains(d.uid()))
                    .filter(d -> folderUids.isEmpty()
                            || folderUids.contains(d.folder() == null ? "general" : d.folder().uid()))
                    .sorted(Comparator.comparing(Dashboards.Dashboard::title, CI))
                    .forEach(d -> hits.add(dashboardHit(d)));
        }
        // limit 0 (or absent) is 1000; page is 1-based, limit is its size (§5)
        int size = limit < 1 ? 1000 : limit;
        int page = Math.max(1, intParam(q, "page", 1));
        long from = (long) (page - 1) * size;
        ArrayNode window = F.arrayNode();
        for (long i = from; i < hits.size() && i < from + size; i++) {
            window.add(hits.get((int) i));
        }
        return Answer.json(200, window);
    }

    private static ObjectNode folderHit(Dashboards.Folder f) {
        String slug = slugify(f.title());
        ObjectNode hit = F.objectNode();
        hit.put("id", f.id()).put("uid", f.uid()).put("orgId", 1).put("title", f.title()).put("uri", "db/" + slug)
                .put("url", "/dashboards/f/" + f.uid() + "/" + slug).put("slug", slug).put("type", "dash-folder");
        hit.putArray("tags");
        hit.put("isStarred", false).put("sortMeta", 0).put("isDeleted", false);
        return hit;
    }

    private static ObjectNode dashboardHit(Dashboards.Dashboard d) {
        String slug = slugify(d.title());
        ObjectNode hit = F.objectNode();
        hit.put("id", d.id()).put("uid", d.uid()).put("orgId", 1).put("title", d.title()).put("uri", "db/" + slug)
                .put("url", "/d/" + d.uid() + "/" + slug).put("slug", slug).put("type", "dash-db");
        ArrayNode tags = hit.putArray("tags");
        d.tags().forEach(tags::add);
        hit.put("isStarred", false);
        if (d.folder() != null) {
            hit.put("folderId", d.folder().id()).put("folderUid", d.folder().uid())
                    .put("folderTitle", d.folder().title()).put("folderUrl", folderUrl(d.folder()));
        }
        hit.put("sortMeta", 0).put("isDeleted", false);
        return hit;
    }

    /** §6. */
    private Answer dashboard(String uid) {
        Optional<Dashboards.Dashboard> found = Optional.ofNullable(dashboards.get().byUid().get(uid));
        if (found.isEmpty()) {
            return Answer.message(404, "Dashboard not found");
        }
        Dashboards.Dashboard d = found.get();
        String slug = slugify(d.title());
        String when = d.updated().truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode out = F.objectNode();
        ObjectNode meta = out.putObject("meta");
        meta.put("type", "db").put("canSave", true).put("canEdit", true).put("canAdmin", true)
                .put("canStar", true).put("canDelete", true).put("slug", slug).put("url", "/d/" + d.uid() + "/" + slug)
                .put("expires", "0001-01-01T00:00:00Z").put("created", when).put("updated", when)
                .put("updatedBy", "Anonymous").put("createdBy", "Anonymous").put("version", 1)
                .put("hasAcl", false).put("isFolder", false)
                .put("folderId", d.folder() == null ? 0 : d.folder().id())
                .put("folderUid", d.folder() == null ? "" : d.folder().uid())
                .put("folderTitle", d.folder() == null ? Dashboards.GENERAL : d.folder().title())
                .put("folderUrl", d.folder() == null ? "" : folderUrl(d.folder()))
                .put("provisioned", d.provisioned()).put("provisionedExternalId", d.externalId());
        ObjectNode perms = meta.putObject("annotationsPermissions");
        for (String scope : new String[] {"dashboard", "organization"}) {
            perms.putObject(scope).put("canAdd", true).put("canEdit", true).put("canDelete", true);
        }
        ObjectNode json = d.json().deepCopy();
        json.put("id", d.id()).put("uid", d.uid()).put("version", 1);
        out.set("dashboard", json);
        return Answer.json(200, out);
    }

    /** §7: top-level folders only; General is never listed. */
    private Answer folders(Map<String, List<String>> q) {
        int limit = intParam(q, "limit", 1000);
        ArrayNode list = F.arrayNode();
        dashboards.get().folders().stream().sorted(Comparator.comparing(Dashboards.Folder::title, CI)).limit(limit)
                .forEach(f -> list.addObject().put("id", f.id()).put("uid", f.uid()).put("title", f.title()));
        return Answer.json(200, list);
    }

    /** §8. */
    private Answer dsQuery(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return Answer.message(400, "bad request data");
        }
        if (request == null || !request.path("queries").isArray() || request.path("queries").isEmpty()) {
            return Answer.message(400, "No queries found");
        }
        List<Datasources.Datasource> targets = new ArrayList<>();
        for (JsonNode query : request.path("queries")) {
            String uid = query.path("datasource").path("uid").asText("");
            if (uid.isEmpty()) {
                return Answer.message(400, "Query missing datasource info");
            }
            Optional<Datasources.Datasource> ds = findDatasource(uid);
            if (ds.isEmpty()) {
                return Answer.message(404, "Data source not found");
            }
            targets.add(ds.get());
        }
        long now = System.currentTimeMillis();
        long from;
        long to;
        try {
            from = Queries.parseTime(request.get("from"), now, 6 * 3_600_000L);
            to = Queries.parseTime(request.get("to"), now, 0);
        } catch (IllegalArgumentException e) {
            return Answer.message(400, "Invalid time range");
        }
        ObjectNode out = F.objectNode();
        ObjectNode results = out.putObject("results");
        boolean failed = false;
        int i = 0;
        for (JsonNode query : request.path("queries")) {
            ObjectNode result = queries.run(targets.get(i++), query, from, to);
            failed |= result.has("error");
            results.set(query.path("refId").asText("A"), result);
        }
        return Answer.json(failed ? 400 : 200, out);
    }

    private static String folderUrl(Dashboards.Folder f) {
        return "/dashboards/f/" + f.uid() + "/" + slugify(f.title());
    }

    /** Grafana's slugify: ASCII-folded, lower case, runs of other characters become one '-'. */
    static String slugify(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        String[] parts = trimmed.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
        }
        return parts;
    }

    private static Map<String, List<String>> params(HttpExchange exchange) {
        Map<String, List<String>> out = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String first(Map<String, List<String>> q, String key) {
        List<String> values = q.get(key);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static int intParam(Map<String, List<String>> q, String key, int fallback) {
        try {
            String v = first(q, key);
            return v.isEmpty() ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
