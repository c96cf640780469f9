package com.peaktrade.obs.grafana;

import com.peaktrade.obs.http.HttpFailure;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's RBAC 403 (grafana-facts G15): {@code "You'll need additional permissions to perform this
 * action. Permissions needed: datasources:read"} (or {@code all of a, b} / {@code any of a, b}).
 */
public final class PermissionDenied {
    private static final Pattern NEEDED = Pattern.compile("Permissions needed: (.+?)\\s*$");

    private PermissionDenied() {
    }

    /** The permissions a 403 names ("datasources:read", "all of a, b"), when it is one. */
    public static Optional<String> needed(Throwable failure) {
        if (!(failure instanceof HttpFailure f) || f.status() != 403 || f.serverMessage() == null) {
            return Optional.empty();
        }
        Matcher m = NEEDED.matcher(f.serverMessage());
        return m.find() ? Optional.of(m.group(1)) : Optional.of("a permission Grafana did not name (" + f.serverMessage() + ")");
    }
}
