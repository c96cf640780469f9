package com.peaktrade.obs.grafana;

import java.util.List;
import java.util.Map;

/**
 * Who Grafana says the caller is, from the role-neutral probe (grafana-facts G14): the login (or a
 * fallback when {@code /api/user} does not answer for a token), whether it is a service account,
 * the org role as its permissions show it, and those permissions (action → scopes).
 *
 * @param login           e.g. "admin", "sa-1-ci"; null when Grafana did not say
 * @param serviceAccount  true for a service-account token
 * @param role            Admin, Editor, Viewer or None, inferred from the OSS grants (G15)
 * @param orgId           the org the caller acts in, 0 when unknown
 */
public record GrafanaIdentity(String login, boolean serviceAccount, String role, long orgId,
        Map<String, List<String>> permissions) {

    public GrafanaIdentity {
        permissions = Map.copyOf(permissions);
    }

    public boolean has(String action) {
        return permissions.containsKey(action);
    }

    /** "sa-1-ci (service account, role None)". */
    public String describe() {
        return (login == null ? "an unnamed " + (serviceAccount ? "service account" : "user") : login)
                + " (" + (serviceAccount ? "service account" : "user") + ", role " + role + ")";
    }

    /**
     * The basic role whose OSS grants these permissions show: Admin manages service accounts (only it
     * has serviceaccounts:write), Editor creates dashboards, Viewer reads the org, None none of these.
     */
    static String inferRole(Map<String, List<String>> permissions) {
        if (permissions.containsKey("serviceaccounts:write") || permissions.containsKey("users:write")
                || permissions.containsKey("org.users:write")) {
            return "Admin";
        }
        if (permissions.containsKey("dashboards:create")) {
            return "Editor";
        }
        if (permissions.containsKey("orgs:read")) {
            return "Viewer";
        }
        return "None";
    }
}
