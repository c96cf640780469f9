package com.peaktrade.obs.standin.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OSS grants of the basic roles, as far as the stand-in's routes need them (grafana-facts G15):
 * Viewer holds datasources:read/query (fixed:datasources:reader goes to Viewer on OSS), orgs:read and,
 * through the default managed permissions on top-level folders, folders:read and dashboards:read;
 * Editor adds dashboard and folder writes; Admin adds service accounts, users and data source writes.
 * A grant to a role reaches the roles above it. None holds nothing.
 */
final class Roles {
    static final List<String> ORDER = List.of("None", "Viewer", "Editor", "Admin");
    private static final Map<String, Map<String, List<String>>> OWN = new LinkedHashMap<>();

    static {
        OWN.put("None", Map.of());
        OWN.put("Viewer", Map.of(
                "datasources:read", List.of("datasources:*"),
                "datasources:query", List.of("datasources:*"),
                "datasources.id:read", List.of("datasources:*"),
                "orgs:read", List.of(),
                "folders:read", List.of("folders:*"),
                "dashboards:read", List.of("folders:*", "dashboards:*")));
        OWN.put("Editor", Map.of(
                "dashboards:create", List.of("folders:*"),
                "dashboards:write", List.of("folders:*", "dashboards:*"),
                "dashboards:delete", List.of("folders:*", "dashboards:*"),
                "folders:create", List.of(),
                "folders:write", List.of("folders:*")));
        OWN.put("Admin", Map.of(
                "datasources:write", List.of("datasources:*"),
                "datasources:create", List.of(),
                "datasources:delete", List.of("datasources:*"),
                "serviceaccounts:read", List.of("serviceaccounts:*"),
                "serviceaccounts:create", List.of(),
                "serviceaccounts:write", List.of("serviceaccounts:*"),
                "serviceaccounts:delete", List.of("serviceaccounts:*"),
                "users:read", List.of("global.users:*"),
                "org.users:read", List.of("users:*"),
                "org.users:write", List.of("users:*")));
    }

    private Roles() {
    }

    static boolean valid(String role) {
        return ORDER.contains(role);
    }

    static boolean above(String role, String other) {
        return ORDER.indexOf(role) > ORDER.indexOf(other);
    }

    /** action → scopes of a role, its own grants plus those of the roles below it, sorted like Go's map keys. */
    static Map<String, List<String>> permissions(String role) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String r : ORDER) {
            if (ORDER.indexOf(r) > ORDER.indexOf(role)) {
                break;
            }
            OWN.get(r).forEach(out::put);
        }
        return out;
    }

    static boolean allows(Identity who, String action) {
        return permissions(who.role()).containsKey(action);
    }
}
