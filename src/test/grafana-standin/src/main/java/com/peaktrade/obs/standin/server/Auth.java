package com.peaktrade.obs.standin.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Authentication as Grafana answers it: basic auth (grafana-facts.md §2: exact 401 bodies, the cause only
 * logged, the lockout after 5 failures per username in a rolling 5 minutes, counted in the DB) and
 * service-account tokens (G14: Bearer, or basic with user {@code api_key}; the api-key.* 401 bodies).
 */
final class Auth {
    static final int MAX_FAILURES = 5;
    static final long WINDOW_MILLIS = 5 * 60_000L;
    private static final Log LOG = Log.named("authn.service");
    private final Db db;
    private final ServiceAccounts accounts;
    private final boolean lockoutEnabled;

    Auth(Db db, ServiceAccounts accounts, boolean lockoutEnabled) {
        this.db = db;
        this.accounts = accounts;
        this.lockoutEnabled = lockoutEnabled;
    }

    /** Who is calling, or the 401 body to send instead (exactly one is set). */
    record Result(Identity identity, ObjectNode rejection) {
        static Result rejected(ObjectNode body) {
            return new Result(null, body);
        }
    }

    /**
     * Basic auth (a user, or user {@code api_key} with a token as password) or a bearer token (G14).
     *
     * @param requestedOrg X-Grafana-Org-Id (or targetOrgId), 0 when none was asked for
     */
    Result check(String authorization, long requestedOrg, String remoteIp) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return token(authorization.substring(7).trim(), requestedOrg);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Result.rejected(unauthorized("Unauthorized", "auth.unauthorized"));
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Result.rejected(unauthorized("Unauthorized", "auth.unauthorized"));
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        if (user.equals("api_key")) {
            return token(password, requestedOrg);
        }
        ObjectNode denied = password(user, password, remoteIp);
        if (denied != null) {
            return Result.rejected(denied);
        }
        // the stand-in's only user is the admin, an Admin of org 1 and Grafana server admin; any other org
        // finds no membership: org id -1 and no role (G15)
        boolean member = requestedOrg <= 1;
        return new Result(new Identity(db.userId(user), user, user, false, member ? 1 : -1, member ? "Admin" : "None", true),
                null);
    }

    private Result token(String token, long requestedOrg) {
        if (!token.startsWith("gl")) {
            // a legacy API key: only keys owned by a service account are accepted, and there are none
            fail("[api-key.invalid] API key not found");
            return Result.rejected(unauthorized("Invalid API key", "api-key.invalid"));
        }
        ServiceAccounts.TokenCheck found = accounts.check(token, requestedOrg);
        if (found instanceof ServiceAccounts.TokenCheck.Valid valid) {
            return new Result(valid.identity(), null);
        }
        if (found instanceof ServiceAccounts.TokenCheck.Rejected rejected) {
            fail("[" + rejected.messageId() + "] " + rejected.message());
            return Result.rejected(unauthorized(rejected.message(), rejected.messageId()));
        }
        fail("invalid API key");
        ObjectNode plain = JsonNodeFactory.instance.objectNode();
        plain.put("message", "Unauthorized").put("traceID", "");
        return Result.rejected(plain);
    }

    /** null when the password is right, else the 401 body (§2, with the lockout). */
    private ObjectNode password(String user, String password, String remoteIp) {
        long now = System.currentTimeMillis();
        if (lockoutEnabled && db.failuresSince(user, now - WINDOW_MILLIS) >= MAX_FAILURES) {
            fail("[password-auth.failed] too many consecutive incorrect login attempts for user - "
                    + "login for user temporarily blocked");
            return invalid();
        }
        if (db.passwordMatches(user, password)) {
            return null;
        }
        db.addFailure(user, remoteIp, now, WINDOW_MILLIS);
        fail("[password-auth.failed] failed to authenticate identity: " + (db.userExists(user)
                ? "[password.invalid] password is invalid" : "[identity.not-found] no user found"));
        return invalid();
    }

    private static void fail(String error) {
        LOG.warn("Failed to authenticate request", "client", "auth.client.basic", "error", error);
    }

    private static ObjectNode invalid() {
        return unauthorized("Invalid username or password", "password-auth.failed");
    }

    private static ObjectNode unauthorized(String message, String messageId) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putNull("extra");
        body.put("message", message).put("messageId", messageId).put("statusCode", 401).put("traceID", "");
        return body;
    }
}
