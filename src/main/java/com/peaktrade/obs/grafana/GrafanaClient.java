package com.peaktrade.obs.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.peaktrade.obs.http.BasicCredentials;
import com.peaktrade.obs.http.BearerToken;
import com.peaktrade.obs.http.ConnectionSettings;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.http.HttpTransport;
import com.peaktrade.obs.http.Json;
import com.peaktrade.obs.http.Request;
import com.peaktrade.obs.http.Response;
import com.peaktrade.obs.http.Timed;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Grafana's HTTP API as records, exactly as grafana-facts.md §1–§8 describe it. Basic auth is sent
 * as a header on every call but {@link #health()}; a call is one request within the timeout and is
 * never retried (five rejected logins in five minutes lock the user out, §2). Failures are
 * {@link HttpFailure}: 401/403 are {@code UNAUTHORIZED} carrying Grafana's {@code message} and
 * {@code messageId}. Thread-safe.
 */
public final class GrafanaClient {
    private static final String GENERAL = "General";
    private static final String REF_ID = "A";
    /** Grafana's largest page (§5: a larger limit is 422). */
    static final int SEARCH_PAGE = 5000;
    private final HttpTransport http;
    private final String user;
    private volatile GrafanaIdentity identity;

    /**
     * @param user     null for no credentials
     * @param password required with a user; it leaves this client only inside the Authorization header
     */
    public GrafanaClient(URI baseUrl, String user, String password, Duration timeout) {
        this(new HttpTransport(baseUrl, timeout, user == null ? null : new BasicCredentials(user, password)));
    }

    /** With credentials (basic or a token), TLS trust, proxy and org header as {@code settings} say. */
    public GrafanaClient(URI baseUrl, Duration timeout, ConnectionSettings settings) {
        this(new HttpTransport(baseUrl, timeout, settings));
    }

    public GrafanaClient(HttpTransport http) {
        this.http = http;
        this.user = http.user();
    }

    public URI baseUrl() {
        return http.baseUrl();
    }

    /** How many requests this client sends at once at most: the width for fanning out over dashboards. */
    public int maxInFlight() {
        return http.maxInFlight();
    }

    /**
     * {@code GET /api/health} without credentials. 200 and 503 ({@code database: failing}) are
     * answers; connection refused (migrations still running) is an UNREACHABLE failure.
     *
     * @throws HttpFailure also for a redirect, a non-JSON 2xx (BAD_RESPONSE) or a non-JSON error page (HTTP_STATUS)
     */
    public GrafanaHealth health() {
        Response r = http.send(Request.get("/api/health").withoutCredentials().withoutRetry()).requireNoRedirect();
        JsonNode node = r.is2xx() ? r.json() : r.jsonOrNull();
        if (node == null || !node.isObject()) {
            throw r.is2xx() ? HttpFailure.badResponse(r, "expected a JSON object") : HttpFailure.forStatus(r);
        }
        return new GrafanaHealth(r.status(), Json.text(node, "database"), Json.text(node, "version"),
                Json.text(node, "commit"), r.latency());
    }

    /**
     * Checks that the credentials are accepted, role-neutrally (grafana-facts G14):
     * {@code GET /api/access-control/user/permissions} answers any signed-in caller, whatever its role,
     * so an account without data source rights is still "authenticated" and the checks that need
     * those rights can name the missing permission. Then {@code GET /api/user} for the login (best
     * effort: older releases answer 403 for a token).
     *
     * @throws HttpFailure UNAUTHORIZED on 401 (see {@link HttpFailure#messageId()}, e.g.
     *                     {@code password-auth.failed}, {@code api-key.invalid}); never retried
     */
    public AuthCheck checkAuth() {
        Response r = http.send(Request.get("/api/access-control/user/permissions")).requireSuccess();
        Map<String, List<String>> permissions = r.decode(node -> {
            if (!node.isObject()) {
                throw new Json.ShapeException("the permissions are not an object");
            }
            Map<String, List<String>> out = new TreeMap<>();
            node.fields().forEachRemaining(e -> out.put(e.getKey(), Json.strings(e.getValue())));
            return out;
        });
        boolean token = http.settings().credentials() instanceof BearerToken;
        String login = user;
        long orgId = 0;
        Response me = http.send(Request.get("/api/user"));
        JsonNode node = me.is2xx() ? me.jsonOrNull() : null;
        if (node != null && node.isObject()) {
            login = Json.text(node, "login", login);
            orgId = Json.longValue(node, "orgId", 0);
        }
        boolean serviceAccount = token || login != null && login.startsWith("sa-");
        GrafanaIdentity identity = new GrafanaIdentity(login, serviceAccount, GrafanaIdentity.inferRole(permissions), orgId,
                permissions);
        this.identity = identity;
        return new AuthCheck(identity, r.latency().plus(me.latency()));
    }

    /** Who the last {@link #checkAuth()} found, if it ran and succeeded. */
    public Optional<GrafanaIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /** What is sent as credentials, e.g. "service-account token", "basic auth for user admin", "no credentials". */
    public String credentialKind() {
        return http.settings().credentials() == null ? "no credentials" : http.settings().credentials().kind();
    }

    /** {@code GET /api/datasources}, sorted by name as Grafana sends them. */
    public Timed<List<Datasource>> datasources() {
        Response r = http.send(Request.get("/api/datasources")).requireSuccess();
        return Timed.of(r.decode(node -> Json.elements(node).stream().map(GrafanaClient::datasource)
                .collect(Collectors.toUnmodifiableList())), r);
    }

    /** {@code GET /api/datasources/uid/{uid}}; Grafana's 404 {@code Data source not found} is empty. */
    public Timed<Optional<Datasource>> datasource(String uid) {
        Response r = http.send(Request.get("/api/datasources/uid/" + segment(uid)));
        if (isGrafanaNotFound(r)) {
            return Timed.of(Optional.empty(), r);
        }
        r.requireSuccess();
        return Timed.of(Optional.of(r.decode(GrafanaClient::datasource)), r);
    }

    /**
     * {@code GET /api/datasources/uid/{uid}/health}: Grafana queries the data source itself. Every
     * status but a redirect or 401/403 is an answer (see {@link DatasourceHealth}).
     */
    public DatasourceHealth datasourceHealth(String uid) {
        Response r = answer(http.send(Request.get("/api/datasources/uid/" + segment(uid) + "/health")));
        JsonNode node = r.jsonOrNull();
        String status = node == null ? null : Json.text(node, "status");
        String message = node == null ? null : Json.text(node, "message");
        return new DatasourceHealth(r.status(), status != null ? status : r.is2xx() ? "OK" : "ERROR",
                message != null ? message : r.excerpt(), r.latency());
    }

    /**
     * {@code GET /api/search}, every page of it: Grafana answers at most {@code limit} hits (default
     * 1000, at most 5000, §5), so a full page is followed by the next ({@code page=2, 3, …}) until one
     * comes back short. One request per 5,000 hits; a server that ignores {@code page} (the same hits
     * again) is a BAD_RESPONSE, never a silently short list.
     *
     * @param type          dash-db, dash-folder, or null for both
     * @param dashboardUids restricts to these uids; empty for all
     */
    public Timed<List<SearchHit>> search(String type, List<String> dashboardUids) {
        List<String> params = new ArrayList<>();
        if (type != null) {
            params.add("type=" + Request.encode(type));
        }
        dashboardUids.forEach(uid -> params.add("dashboardUIDs=" + Request.encode(uid)));
        params.add("limit=" + SEARCH_PAGE);
        String query = "/api/search?" + String.join("&", params);
        Map<String, SearchHit> all = new LinkedHashMap<>();
        Duration latency = Duration.ZERO;
        for (int page = 1; ; page++) {
            Response r = http.send(Request.get(page == 1 ? query : query + "&page=" + page)).requireSuccess();
            latency = latency.plus(r.latency());
            List<SearchHit> hits = r.decode(GrafanaClient::searchHits);
            // a dashboard added between two pages shifts the next one: each hit is kept once
            long fresh = hits.stream().filter(h -> all.putIfAbsent(h.type() + "/" + h.uid(), h) == null).count();
            if (page > 1 && fresh == 0 && !hits.isEmpty()) {
                throw HttpFailure.badResponse(r, "page " + page + " repeated the hits of page " + (page - 1)
                        + ": the server ignores page=, and the list would be cut at " + SEARCH_PAGE);
            }
            if (hits.size() < SEARCH_PAGE) {
                return new Timed<>(withFolderTitles(List.copyOf(all.values())), latency, r.status());
            }
        }
    }

    private static List<SearchHit> searchHits(JsonNode node) {
        return Json.elements(node).stream().map(h -> new SearchHit(
                Json.text(h, "uid"), Json.text(h, "title"), Json.text(h, "type"), Json.text(h, "url"),
                Json.text(h, "folderUid", null), Json.text(h, "folderTitle", null), Json.strings(h.get("tags"))))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * A hit outside General without {@code folderTitle} (12.x unified storage, G16) gets it from
     * {@code GET /api/folders/{folderUid}}, once per folder; a hit without a folder is in General.
     */
    private List<SearchHit> withFolderTitles(List<SearchHit> hits) {
        Map<String, String> titles = new HashMap<>();
        List<SearchHit> out = new ArrayList<>();
        for (SearchHit h : hits) {
            String title = h.folderTitle();
            if (title == null || title.isEmpty()) {
                title = h.folderUid() == null || h.folderUid().isEmpty() ? GENERAL
                        : titles.computeIfAbsent(h.folderUid(), this::folderTitle);
            }
            out.add(new SearchHit(h.uid(), h.title(), h.type(), h.url(), h.folderUid(), title, h.tags()));
        }
        return List.copyOf(out);
    }

    /** {@code GET /api/folders/{uid}}'s title; the uid itself when the folder cannot be read. */
    private String folderTitle(String uid) {
        Response r = http.send(Request.get("/api/folders/" + segment(uid)));
        JsonNode node = r.is2xx() ? r.jsonOrNull() : null;
        String title = node == null ? null : Json.text(node, "title");
        return title == null ? "(folder " + uid + ", title unreadable: HTTP " + r.status() + ")" : title;
    }

    /** {@code GET /api/dashboards/uid/{uid}}; Grafana's 404 {@code Dashboard not found} is empty. */
    public Timed<Optional<DashboardDetail>> dashboard(String uid) {
        Response r = http.send(Request.get("/api/dashboards/uid/" + segment(uid)));
        if (isGrafanaNotFound(r)) {
            return Timed.of(Optional.empty(), r);
        }
        r.requireSuccess();
        return Timed.of(Optional.of(r.decode(GrafanaClient::dashboardDetail)), r);
    }

    /** {@code GET /api/folders}: top-level folders, never General. */
    public Timed<List<Folder>> folders() {
        Response r = http.send(Request.get("/api/folders")).requireSuccess();
        return Timed.of(r.decode(node -> Json.elements(node).stream().map(f -> new Folder(
                Json.longValue(f, "id", 0), Json.text(f, "uid"), Json.text(f, "title"), Json.text(f, "parentUid")))
                .collect(Collectors.toUnmodifiableList())), r);
    }

    /**
     * An instant query through Grafana's data source ({@code POST /api/ds/query}, refId A, from
     * now-5m to now). 400 (the query failed) and 404 (unknown data source) are answers with
     * {@link FrameResult#error()} set; so is any other non-2xx but a redirect or 401/403.
     */
    public FrameResult query(String datasourceUid, String expr) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode q = body.putArray("queries").addObject();
        q.put("refId", REF_ID);
        q.putObject("datasource").put("type", "prometheus").put("uid", datasourceUid);
        q.put("expr", expr).put("instant", true).put("range", false);
        body.put("from", "now-5m").put("to", "now");
        Response r = answer(http.send(Request.postJson("/api/ds/query", body.toString())));
        JsonNode node = r.jsonOrNull();
        JsonNode result = node == null ? null : node.path("results").get(REF_ID);
        if (result == null) {
            String message = node == null ? null : Json.text(node, "message");
            if (r.is2xx() && message == null) {
                throw HttpFailure.badResponse(r, "no results." + REF_ID + " in the answer");
            }
            return new FrameResult(r.status(), List.of(), message != null ? message : "HTTP " + r.status()
                    + (r.excerpt().isEmpty() ? "" : ": " + r.excerpt()), r.latency());
        }
        List<Series> series = r.decodeNode(result, GrafanaClient::series);
        return new FrameResult(r.status(), series, Json.text(result, "error"), r.latency());
    }

    @Override
    public String toString() {
        return "GrafanaClient[" + http.baseUrl() + (user == null ? "" : ", user=" + user) + "]";
    }

    /**
     * For calls whose every status is an answer: a redirect and 401/403 still fail, and a 2xx must be
     * JSON (an HTML login page with 200 is a BAD_RESPONSE).
     */
    private static Response answer(Response r) {
        r.requireNoRedirect();
        if (r.status() == 401 || r.status() == 403) {
            throw HttpFailure.forStatus(r);
        }
        if (r.is2xx()) {
            r.json();
        }
        return r;
    }

    /** Grafana's own 404 ({@code {"message":…}}), not a proxy's HTML 404 for a wrong base path. */
    private static boolean isGrafanaNotFound(Response r) {
        JsonNode node = r.status() == 404 ? r.jsonOrNull() : null;
        return node != null && node.has("message");
    }

    private static String segment(String uid) {
        return Request.encode(uid).replace("+", "%20");
    }

    private static Datasource datasource(JsonNode d) {
        if (!d.isObject()) {
            throw new Json.ShapeException("a data source is not an object");
        }
        return new Datasource(Json.longValue(d, "id", 0), Json.text(d, "uid"), Json.longValue(d, "orgId", 0),
                Json.text(d, "name"), Json.text(d, "type"), Json.text(d, "url"), Json.text(d, "access"),
                Json.bool(d, "isDefault"), Json.bool(d, "readOnly"), Json.plainMap(d.get("jsonData")));
    }

    private static DashboardDetail dashboardDetail(JsonNode root) {
        JsonNode dash = root.get("dashboard");
        JsonNode meta = root.get("meta");
        if (dash == null || !dash.isObject() || meta == null || !meta.isObject()) {
            throw new Json.ShapeException("no \"dashboard\" and \"meta\" objects");
        }
        List<TemplateVariable> variables = new ArrayList<>();
        for (JsonNode v : Json.array(dash.path("templating"), "list")) {
            DsRef ds = DsRef.of(v.get("datasource"));
            JsonNode query = v.get("query");
            String queryText = query == null || query.isNull() ? null
                    : query.isObject() ? Json.text(query, "query") : query.asText();
            variables.add(new TemplateVariable(Json.text(v, "name"), Json.text(v, "type"), queryText,
                    Json.text(v, "regex"), ds.uid, ds.type, current(v.get("current"))));
        }
        List<Panel> panels = new ArrayList<>();
        addPanels(dash, panels);
        return new DashboardDetail(Json.text(dash, "uid"), Json.text(dash, "title"), Json.longValue(dash, "version", 0),
                Json.text(meta, "folderUid", null), Json.text(meta, "folderTitle", GENERAL),
                Json.bool(meta, "provisioned"), Json.text(meta, "provisionedExternalId", null),
                List.copyOf(variables), List.copyOf(panels));
    }

    private static void addPanels(JsonNode container, List<Panel> out) {
        for (JsonNode p : Json.array(container, "panels")) {
            DsRef ds = DsRef.of(p.get("datasource"));
            List<String> exprs = new ArrayList<>();
            for (JsonNode t : Json.array(p, "targets")) {
                if (ds.uid == null) {
                    ds = DsRef.of(t.get("datasource"));
                }
                String expr = Json.text(t, "expr");
                if (expr != null) {
                    exprs.add(expr);
                }
            }
            out.add(new Panel(Json.longValue(p, "id", 0), Json.text(p, "title"), Json.text(p, "type"), ds.uid,
                    ds.type, List.copyOf(exprs)));
            addPanels(p, out);
        }
    }

    private static String current(JsonNode current) {
        JsonNode value = current == null ? null : current.get("value");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> values = new ArrayList<>();
            value.forEach(v -> values.add(v.asText()));
            return String.join(",", values);
        }
        return value.isContainerNode() ? value.toString() : value.asText();
    }

    /** {@code Time} + one or more number fields per frame; each number field is a series. */
    private static List<Series> series(JsonNode result) {
        List<Series> out = new ArrayList<>();
        for (JsonNode frame : Json.array(result, "frames")) {
            List<JsonNode> fields = Json.array(frame.path("schema"), "fields");
            List<JsonNode> columns = Json.array(frame.path("data"), "values");
            for (int i = 0; i < fields.size(); i++) {
                if (!"number".equals(Json.text(fields.get(i), "type"))) {
                    continue;
                }
                List<Double> values = new ArrayList<>();
                if (i < columns.size()) {
                    for (JsonNode v : Json.elements(columns.get(i))) {
                        values.add(v.isNumber() ? v.asDouble() : null);
                    }
                }
                out.add(new Series(Json.stringMap(fields.get(i).get("labels")), java.util.Collections
                        .unmodifiableList(values)));
            }
        }
        return List.copyOf(out);
    }

    /** A declared data source: an object {@code {type, uid}} or a legacy string (a name or {@code ${DS_X}}). */
    private static final class DsRef {
        final String uid;
        final String type;

        private DsRef(String uid, String type) {
            this.uid = uid;
            this.type = type;
        }

        static DsRef of(JsonNode node) {
            if (node == null || node.isNull()) {
                return new DsRef(null, null);
            }
            if (node.isObject()) {
                return new DsRef(Json.text(node, "uid"), Json.text(node, "type"));
            }
            return new DsRef(node.asText(), null);
        }
    }
}
