package com.peaktrade.obs.checks;

import com.peaktrade.obs.http.HttpFailure;
import java.util.List;

/** What to do when Grafana refuses the credentials, or an account lacks a permission (grafana-facts G14, G15). */
final class GrafanaAuthHints {
    /** What the grafana.* checks after auth need: on OSS every role from Viewer up has both (G15). */
    static final List<String> NEEDED = List.of("datasources:read", "datasources:query");

    static final String NONE_GIVEN = "give a service-account token (GRAFANA_TOKEN or --grafana-token-file FILE) or a user and "
            + "password (GRAFANA_AUTH=user:pass, GF_SECURITY_ADMIN_USER/GF_SECURITY_ADMIN_PASSWORD, GRAFANA_ADMIN_USER/"
            + "GRAFANA_ADMIN_PASSWORD, or --grafana-user with --grafana-password-file); see README, \"Verify a production stack\"";

    private GrafanaAuthHints() {
    }

    static String forRejection(HttpFailure f, String stack) {
        String id = f.messageId() == null ? "" : f.messageId();
        return switch (id) {
            case "api-key.invalid" -> "the token is not one Grafana issued (a typo, a truncated secret, or a deleted token): "
                    + "create a new one under Administration → Users and access → Service accounts and pass it via "
                    + "GRAFANA_TOKEN or --grafana-token-file";
            case "api-key.expired" -> "the token has expired: add a new token to the service account and update the CI secret";
            case "api-key.revoked" -> "the token was revoked: add a new token to the service account and update the CI secret";
            case "api-key.organization-mismatch" -> "the token belongs to another organization than the one asked for "
                    + "(--grafana-org / GRAFANA_ORG_ID): drop that option, or use a token of that organization's service account";
            case "identity.disabled" -> "the service account is disabled: enable it in Grafana, or use another one";
            case "password-auth.failed", "login-attempt.blocked" -> "check the password (--grafana-password-file, "
                    + "GRAFANA_AUTH, GF_SECURITY_ADMIN_PASSWORD, GRAFANA_ADMIN_PASSWORD). A Grafana data volume keeps the "
                    + "password of its first start: `peaktrade-obs " + stack + " down --volumes && peaktrade-obs " + stack
                    + " up` renews it. Not retried: 5 failures in 5 minutes lock the user out.";
            default -> f.status() == 403 ? "the account may not use this API: give it a role (Viewer is enough) in Grafana"
                    : "Grafana did not accept the credentials: " + NONE_GIVEN;
        };
    }

    static String permission(String needed) {
        return "grant " + needed + ": on OSS Grafana the Viewer role has datasources:read and datasources:query, so give "
                + "the service account (or user) the Viewer role instead of None, or restore the changed permissions";
    }
}
