package com.peaktrade.obs.standin.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Basic auth as Grafana's password client answers it (grafana-facts.md §2): exact 401 bodies, the cause
 * only logged, and the lockout after 5 failures per username in a rolling 5 minutes, counted in the DB.
 */
final class Auth {
    static final int MAX_FAILURES = 5;
    static final long WINDOW_MILLIS = 5 * 60_000L;
    private static final Log LOG = Log.named("authn.service");
    private final Db db;
    private final boolean lockoutEnabled;

    Auth(Db db, boolean lockoutEnabled) {
        this.db = db;
        this.lockoutEnabled = lockoutEnabled;
    }

    /** null when the request may proceed, else the 401 body to send. */
    ObjectNode check(String authorization, String remoteIp) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return unauthorized("Unauthorized", "auth.unauthorized");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized("Unauthorized", "auth.unauthorized");
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
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
