package com.peaktrade.obs.stack;

import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.http.ConnectionSettings;
import java.net.URI;
import java.util.Optional;

/**
 * Where one of a stack's services answers, and why there: what the user gave, what the running
 * project publishes, or a default. A defaulted endpoint is a guess: output names it as one, and a
 * refused connection on it is final at once (nothing was promised to listen there).
 *
 * @param from  in words, e.g. "--grafana-url", "GRAFANA_URL", "project p's published port", "no --grafana-url"
 * @param access the credentials and connection settings the clients use for it (never printed)
 */
public record Endpoint(Role role, URI url, Origin origin, String from, Optional<Access> access) {

    /** Where the URL came from, strongest first (the resolution order, docs/checks.md "Where the checks look"). */
    public enum Origin {
        OPTION, ENVIRONMENT, PUBLISHED, DEFAULTED
    }

    public Endpoint(Role role, URI url, Origin origin, String from) {
        this(role, url, origin, from, Optional.empty());
    }

    /** Credentials, TLS and proxy for this endpoint's client; plain HTTP when none were resolved. */
    public ConnectionSettings settings() {
        return access.map(Access::settings).orElse(ConnectionSettings.PLAIN);
    }

    public boolean defaulted() {
        return origin == Origin.DEFAULTED;
    }

    public Endpoint withAccess(Access value) {
        return new Endpoint(role, url, origin, from, Optional.of(value));
    }

    /** "grafana http://127.0.0.1:3000 (defaulted: no --grafana-url)"; given and published ones say their source. */
    public String describe() {
        return role.key() + " " + url + " (" + (defaulted() ? "defaulted: " : "from ") + from + ")";
    }

    /** The option that names this role's URL, e.g. --grafana-url. */
    public static String option(Role role) {
        return "--" + role.key() + "-url";
    }

    /** The old scripts' variable for this role's URL: PROM_URL, GRAFANA_URL, EXPORTER_URL. */
    public static String variable(Role role) {
        return switch (role) {
            case PROMETHEUS -> "PROM_URL";
            case GRAFANA -> "GRAFANA_URL";
            case EXPORTER -> "EXPORTER_URL";
        };
    }
}
