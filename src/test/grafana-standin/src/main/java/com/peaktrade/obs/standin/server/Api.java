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
    private final ServiceAccounts accounts;
    private final Serving serving;
    private final Queries queries = new Queries();

    /**
     * How the stand-in serves (G16): the root URL's sub-path and whether it strips it itself
     * (GF_SERVER_ROOT_URL, GF_SERVER_SERVE_FROM_SUB_PATH); when /api/health turns ready (the 12.x
     * apiserver gate answers 503 until then); whether search hits leave out folderTitle (12.0.0).
     */
    record Serving(String rootUrl, String subPath, boolean serveFromSubPath, long readyAtMillis,
            boolean searchWithoutFolderTitle) {
        static Serving of(Map<String, String> env, long listeningSince) {
            String root = env.getOrDefault("GF_SERVER_ROOT_URL", "");
            String sub = "";
            try {
                String p = root.isEmpty() ? "" : java.net.URI.create(root).getPath();
                sub = p == null ? "" : p.replaceAll("/+$", "");
            } catch (IllegalArgumentException ignored) {
                // Grafana refuses to start; the stand-in just serves at /
            }
            long notReadyMs = 0;
            try {
                notReadyMs = Long.parseLong(env.getOrDefault("STANDIN_APISERVER_NOT_READY_MS", "0").trim());
            } catch (NumberFormatException ignored) {
                // default
            }
            return new Serving(root.replaceAll("/+$", ""), sub,
                    "true".equalsIgnoreCase(env.getOrDefault("GF_SERVER_SERVE_FROM_SUB_PATH", "false")),
                    listeningSince + notReadyMs,
                    "true".equalsIgnoreCase(env.getOrDefault("STANDIN_SEARCH_WITHOUT_FOLDER_TITLE", "false")));
        }
    }

    Api(String version, boolean hideVersion, Auth auth, List<Datasources.Datasource> datasources,
            Supplier<Dashboards.Snapshot> dashboards, ServiceAccounts accounts, Serving serving) {
        this.version = version;
        this.hideVersion = hideVersion;
        this.auth = auth;
        this.datasources = datasources;
        this.dashboards = dashboards;
        this.accounts = accounts;
        this.serving = serving;
    }

    /** One API route: the permission it needs (null: any signed-in caller) and what it answers. */
    private record Route(String action, java.util.function.Function<Identity, Answer> answer) {
    }

    /** What to send back. */
    private record Answer(int status, String contentType, byte[] body, String location) {
        Answer(int status, String contentType, byte[] body) {
            this(status, contentType, body, null);
        }

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

        static Answer redirect(int status, String location) {
            return new Answer(status, "text/html; charset=utf-8", ("<a href=\"" + location + "\">"
                    + (status == 301 ? "Moved Permanently" : "Found") + "</a>.\n").getBytes(StandardCharsets.UTF_8), location);
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
        if (answer.location() != null) {
            headers.set("Location", answer.location());
        }
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

    private Answer route(HttpExchange exchange, String method, String raw) throws IOException {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        String path = raw;
        if (!serving.subPath().isEmpty() && serving.serveFromSubPath()) {
            // G16: Grafana strips the sub-path itself; /api without it answers too, other paths redirect
            if (path.equals(serving.subPath()) || path.startsWith(serving.subPath() + "/")) {
                path = path.substring(serving.subPath().length());
                path = path.isEmpty() ? "/" : path;
            } else if (!path.startsWith("/api/") && !path.equals("/api")) {
                return Answer.redirect(301, serving.rootUrl() + path);
            }
        }
        if (path.equals("/api/health") && read) {
            return health();
        }
        if (path.equals("/healthz") && read) {
            return new Answer(200, "text/plain; charset=utf-8", "Ok".getBytes(StandardCharsets.UTF_8));
        }
        if (path.equals("/") && read) {
            return Answer.redirect(302, serving.subPath() + "/login");
        }
        String[] seg = segments(path);
        if ("POST".equals(method) && seg.length == 4 && seg[0].equals("standin") && seg[1].equals("tokens")
                && seg[3].equals("revoke")) {
            // stand-in only (tests): what Grafana's secret scanning does to a leaked token
            return accounts.revoke(Long.parseLong(seg[2])) ? Answer.message(200, "Token revoked")
                    : Answer.message(404, "Not found");
        }
        Route handler = null;
        if (read && seg.length == 2 && seg[1].equals("datasources")) {
            handler = new Route("datasources:read", who -> datasourceList());
        } else if (read && seg.length == 4 && seg[1].equals("datasources") && seg[2].equals("uid")) {
            handler = new Route("datasources:read", who -> datasource(seg[3]));
        } else if (read && seg.length == 5 && seg[1].equals("datasources") && seg[2].equals("uid")
                && seg[4].equals("health")) {
            handler = new Route("datasources:query", who -> datasourceHealth(seg[3]));
        } else if (read && seg.length == 2 && seg[1].equals("search")) {
            handler = new Route(null, who -> search(params(exchange), who));
        } else if (read && seg.length == 4 && seg[1].equals("dashboards") && seg[2].equals("uid")) {
            handler = new Route("dashboards:read", who -> dashboard(seg[3]));
        } else if (read && seg.length == 2 && seg[1].equals("folders")) {
            handler = new Route("folders:read", who -> folders(params(exchange)));
        } else if (read && seg.length == 3 && seg[1].equals("folders")) {
            handler = new Route("folders:read", who -> folder(seg[2]));
        } else if (read && seg.length == 4 && seg[1].equals("access-control") && seg[2].equals("user")
                && seg[3].equals("permissions")) {
            handler = new Route(null, this::permissions);
        } else if (read && seg.length == 2 && seg[1].equals("user")) {
            handler = new Route(null, Api::user);
        } else if (read && seg.length == 2 && seg[1].equals("org")) {
            handler = new Route("orgs:read", who -> org());
        } else if (read && seg.length == 3 && seg[1].equals("serviceaccounts") && seg[2].equals("search")) {
            handler = new Route("serviceaccounts:read", who -> Answer.json(200, accounts.search(who.orgId())));
        } else if ("POST".equals(method) && seg.length == 2 && seg[1].equals("serviceaccounts")) {
            byte[] body = body(exchange);
            handler = new Route("serviceaccounts:create", who -> createServiceAccount(body, who));
        } else if ("POST".equals(method) && seg.length == 4 && seg[1].equals("serviceaccounts") && seg[3].equals("tokens")) {
            byte[] body = body(exchange);
            handler = new Route("serviceaccounts:write", who -> createToken(seg[2], body));
        } else if ("POST".equals(method) && seg.length == 3 && seg[1].equals("ds") && seg[2].equals("query")) {
            byte[] body = body(exchange);
            handler = new Route("datasources:query", who -> dsQuery(body));
        }
        if (handler == null || !seg[0].equals("api")) {
            return Answer.message(404, "Not found");
        }
        Auth.Result caller = auth.check(exchange.getRequestHeaders().getFirst("Authorization"),
                requestedOrg(exchange), exchange.getRemoteAddress().getAddress().getHostAddress());
        if (caller.rejection() != null) {
            return Answer.json(401, caller.rejection());
        }
        if (handler.action() != null && !Roles.allows(caller.identity(), handler.action())) {
            return accessDenied(handler.action());
        }
        return handler.answer().apply(caller.identity());
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** G15: X-Grafana-Org-Id picks the org; the query targetOrgId wins over it; non-numeric values are ignored. */
    private static long requestedOrg(HttpExchange exchange) {
        String query = first(params(exchange), "targetOrgId");
        String header = exchange.getRequestHeaders().getFirst("X-Grafana-Org-Id");
        for (String v : new String[] {query, header}) {
            if (v != null && v.matches("[0-9]{1,18}")) {
                return Long.parseLong(v);
            }
        }
        return 0;
    }

    /** G15: the RBAC middleware's 403 for an API request (keys sorted, like a Go map). */
    private static Answer accessDenied(String action) {
        ObjectNode body = F.objectNode();
        body.put("accessErrorId", "ACE" + String.format(Locale.ROOT, "%010d",
                java.util.concurrent.ThreadLocalRandom.current().nextLong(10_000_000_000L)));
        body.put("message", "You'll need additional permissions to perform this action. Permissions needed: " + action);
        body.put("title", "Access denied");
        return Answer.json(403, body);
    }

    /** G14: the role-neutral probe, for any signed-in caller. */
    private Answer permissions(Identity who) {
        ObjectNode out = F.objectNode();
        Roles.permissions(who.role()).forEach((action, scopes) -> {
            ArrayNode list = out.putArray(action);
            scopes.forEach(list::add);
        });
        return Answer.json(200, out);
    }

    /** G14: a user's profile; for a service account the 11.x answer with only a few fields set. */
    private static Answer user(Identity who) {
        ObjectNode out = F.objectNode();
        if (who.serviceAccount()) {
            out.put("id", 0).put("uid", "service-account:" + who.id()).put("email", "").put("name", who.name())
                    .put("login", who.login()).put("orgId", who.orgId()).put("isGrafanaAdmin", false);
            return Answer.json(200, out);
        }
        out.put("id", who.id()).put("uid", "u" + who.id()).put("email", "admin@localhost").put("name", "")
                .put("login", who.login()).put("theme", "").put("orgId", who.orgId())
                .put("isGrafanaAdmin", who.grafanaAdmin()).put("isDisabled", false).put("isExternal", false)
                .put("isExternallySynced", false).put("isGrafanaAdminExternallySynced", false);
        out.putArray("authLabels");
        out.put("updatedAt", "2026-01-01T00:00:00Z").put("createdAt", "2026-01-01T00:00:00Z")
                .put("avatarUrl", "/avatar/46d229b033af06a191ff2267bca9ae56").put("isProvisioned", false);
        return Answer.json(200, out);
    }

    private static Answer org() {
        ObjectNode out = F.objectNode().put("id", 1).put("name", "Main Org.");
        out.putObject("address").put("address1", "").put("address2", "").put("city", "").put("zipCode", "")
                .put("state", "").put("country", "");
        return Answer.json(200, out);
    }

    /** G14: role None|Viewer|Editor|Admin (default Viewer); not above the caller's own. */
    private Answer createServiceAccount(byte[] body, Identity who) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return Answer.message(400, "bad request data");
        }
        String name = request == null ? "" : request.path("name").asText("");
        String role = request == null ? "Viewer" : request.path("role").asText("Viewer");
        if (name.isBlank()) {
            return Answer.message(400, "name is required");
        }
        if (!Roles.valid(role)) {
            return Answer.message(400, "invalid role value: " + role);
        }
        if (Roles.above(role, who.role())) {
            ObjectNode denied = F.objectNode();
            denied.putNull("extra");
            denied.put("message", "can not assign a role higher than user's role")
                    .put("messageId", "serviceaccounts.ErrRoleForbidden").put("statusCode", 403).put("traceID", "");
            return Answer.json(403, denied);
        }
        return Answer.json(201, accounts.create(name, role, request.path("isDisabled").asBoolean(false),
                who.orgId()));
    }

    /** G14: 200 (not 201) with the key, shown only here. */
    private Answer createToken(String id, byte[] body) {
        long accountId;
        JsonNode request;
        try {
            accountId = Long.parseLong(id);
            request = JSON.readTree(body);
        } catch (NumberFormatException | IOException e) {
            return Answer.message(400, "bad request data");
        }
        if (accounts.find(accountId).isEmpty()) {
            return Answer.message(404, "service account does not exist");
        }
        String name = request == null ? "" : request.path("name").asText("");
        return Answer.json(200, accounts.addToken(accountId, name.isBlank() ? "token" : name,
                request == null ? 0 : request.path("secondsToLive").asLong(0)));
    }

    /** G16: one folder by uid; unknown → 404 {"message":"folder not found","status":"not-found"}. */
    private Answer folder(String uid) {
        Optional<Dashboards.Folder> found = dashboards.get().folders().stream().filter(f -> f.uid().equals(uid)).findFirst();
        if (found.isEmpty()) {
            return Answer.json(404, F.objectNode().put("message", "folder not found").put("status", "not-found"));
        }
        Dashboards.Folder f = found.get();
        ObjectNode out = F.objectNode();
        out.put("id", f.id()).put("uid", f.uid()).put("orgId", 1).put("title", f.title()).put("url", folderUrl(f))
                .put("hasAcl", false).put("canSave", true).put("canEdit", true).put("canAdmin", true)
                .put("canDelete", true).put("createdBy", "Anonymous").put("created", "2026-01-01T00:00:00Z")
                .put("updatedBy", "Anonymous").put("updated", "2026-01-01T00:00:00Z").put("version", 1);
        return Answer.json(200, out);
    }

    /** §1: pretty-printed like Go's json.MarshalIndent, keys database, version, commit. */
    private Answer health() {
        boolean ready = System.currentTimeMillis() >= serving.readyAtMillis();
        StringBuilder body = new StringBuilder("{\n  \"database\": \"ok\"");
        if (!hideVersion) {
            body.append(",\n  \"version\": \"").append(version).append("\",\n  \"commit\": \"standin\"");
        }
        if (!ready) {
            // G16: the embedded apiserver's /readyz gates the answer (key order unconfirmed)
            body.append(",\n  \"apiserver\": \"not ready\"");
        }
        body.append("\n}");
        return new Answer(ready ? 200 : 503, "application/json; charset=UTF-8", body.toString().getBytes(StandardCharsets.UTF_8));
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
    private Answer search(Map<String, List<String>> q, Identity who) {
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
        // G15: search never answers 403, it hides what the caller may not read
        boolean seesFolders = Roles.allows(who, "folders:read");
        boolean seesDashboards = Roles.allows(who, "dashboards:read");
        if (seesFolders && !type.equals("dash-db") && tags.isEmpty() && folderUids.isEmpty()) {
            snap.folders().stream()
                    .filter(f -> f.title().toLowerCase(Locale.ROOT).contains(query))
                    .filter(f -> uidSet.isEmpty() || uidSet.contains(f.uid()))
                    .sorted(Comparator.comparing(Dashboards.Folder::title, CI))
                    .forEach(f -> hits.add(folderHit(f)));
        }
        if (seesDashboards && !type.equals("dash-folder")) {
            snap.dashboards().stream()
                    .filter(d -> d.title().toLowerCase(Locale.ROOT).contains(query))
                    .filter(d -> d.tags().containsAll(tags))
                    .filter(d -> uidSet.isEmpty() || uidSet.contains(d.uid()))
                    .filter(d -> folderUids.isEmpty()
                            || folderUids.contains(d.folder() == null ? "general" : d.folder().uid()))
                    .sorted(Comparator.comparing(Dashboards.Dashboard::title, CI))
                    .forEach(d -> hits.add(dashboardHit(d, serving.searchWithoutFolderTitle())));
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

    /** §5; {@code terse}: as 12.0.0 from unified storage (G16): folderUid only, no folderId/Title/Url, slug "". */
    private static ObjectNode dashboardHit(Dashboards.Dashboard d, boolean terse) {
        String slug = terse ? "" : slugify(d.title());
        ObjectNode hit = F.objectNode();
        hit.put("id", d.id()).put("uid", d.uid()).put("orgId", 1).put("title", d.title()).put("uri", "db/" + slug)
                .put("url", "/d/" + d.uid() + "/" + slug).put("slug", slug).put("type", "dash-db");
        ArrayNode tags = hit.putArray("tags");
        d.tags().forEach(tags::add);
        hit.put("isStarred", false);
        if (d.folder() != null && terse) {
            hit.put("folderUid", d.folder().uid());
        } else if (d.folder() != null) {
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
