package com.peaktrade.obs.standin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Data source provisioning (grafana-facts.md §9): what Grafana would hold after reading the files. */
final class Datasources {
    static final String TOO_MANY_DEFAULTS = "Datasource provisioning error: datasource.yaml config is invalid. "
            + "Only one datasource per organization can be marked as default";
    private static final Log LOG = Log.named("provisioning.datasources");

    private Datasources() {
    }

    /** One provisioned data source. */
    record Datasource(long id, String uid, long orgId, String name, String type, String access, String url,
            String user, String database, boolean basicAuth, String basicAuthUser, boolean withCredentials,
            boolean isDefault, ObjectNode jsonData, List<String> secureJsonFields, boolean editable) {

        String httpMethod() {
            return jsonData.path("httpMethod").asText("POST").toUpperCase(Locale.ROOT).equals("GET") ? "GET" : "POST";
        }
    }

    static List<Datasource> provision(Path dir, Map<String, String> env) throws Fatal {
        List<ProvisioningFiles.Yaml> files = ProvisioningFiles.read(dir, env);
        Map<Long, Integer> defaults = new HashMap<>();
        for (ProvisioningFiles.Yaml file : files) {
            for (JsonNode ds : file.root().path("datasources")) {
                long org = orgId(ds);
                if (ProvisioningFiles.bool(ds, "isDefault", false) && defaults.merge(org, 1, Integer::sum) > 1) {
                    throw new Fatal(TOO_MANY_DEFAULTS);
                }
            }
        }
        List<Datasource> result = new ArrayList<>();
        long nextId = 1;
        for (ProvisioningFiles.Yaml file : files) {
            if (!file.root().has("apiVersion")) {
                LOG.warn("[Deprecated] the datasource provisioning config is outdated. please upgrade",
                        "filename", file.path());
            }
            for (JsonNode del : file.root().path("deleteDatasources")) {
                String name = ProvisioningFiles.text(del, "name", "");
                long org = orgId(del);
                if (result.removeIf(d -> d.name().equals(name) && d.orgId() == org)) {
                    LOG.info("deleted datasource based on configuration", "name", name);
                }
            }
            for (JsonNode ds : file.root().path("datasources")) {
                Datasource d = datasource(nextId, ds);
                int existing = indexOf(result, d.name(), d.orgId());
                if (existing >= 0) {
                    d = datasource(result.get(existing).id(), ds);
                    result.set(existing, d);
                    LOG.info("updating datasource from configuration", "name", d.name(), "uid", d.uid());
                } else {
                    nextId++;
                    result.add(d);
                    LOG.info("inserting datasource from configuration", "name", d.name(), "uid", d.uid());
                }
            }
        }
        return List.copyOf(result);
    }

    private static Datasource datasource(long id, JsonNode ds) {
        String name = ProvisioningFiles.text(ds, "name", "");
        String uid = ProvisioningFiles.text(ds, "uid", "");
        ObjectNode jsonData = ds.path("jsonData").isObject() ? ((ObjectNode) ds.get("jsonData")).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        List<String> secure = new ArrayList<>();
        ds.path("secureJsonData").fieldNames().forEachRemaining(secure::add);
        return new Datasource(id, uid.isEmpty() ? uidFromName(name) : uid, orgId(ds), name,
                ProvisioningFiles.text(ds, "type", ""), ProvisioningFiles.text(ds, "access", "proxy"),
                ProvisioningFiles.text(ds, "url", ""), ProvisioningFiles.text(ds, "user", ""),
                ProvisioningFiles.text(ds, "database", ""), ProvisioningFiles.bool(ds, "basicAuth", false),
                ProvisioningFiles.text(ds, "basicAuthUser", ""), ProvisioningFiles.bool(ds, "withCredentials", false),
                ProvisioningFiles.bool(ds, "isDefault", false), jsonData, List.copyOf(secure),
                ProvisioningFiles.bool(ds, "editable", false));
    }

    /** Grafana's safeUIDFromName: "P" and the first 8 bytes of sha256(name) in upper-case hex. */
    static String uidFromName(String name) {
        try {
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "P" + HexFormat.of().withUpperCase().formatHex(sum, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long orgId(JsonNode node) {
        long org = ProvisioningFiles.number(node, "orgId", 1);
        return org == 0 ? 1 : org;
    }

    private static int indexOf(List<Datasource> list, String name, long orgId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name) && list.get(i).orgId() == orgId) {
                return i;
            }
        }
        return -1;
    }
}
