package com.peaktrade.obs.stack;

import com.peaktrade.obs.contract.StackService.Role;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What verify talks to. {@code exporter} is null for the grafana stack; {@code project} null when
 * verify gates URLs it did not start. The password is only ever handed to the Grafana client.
 *
 * @param defaulted role → why its URL is a default ("no --grafana-url"), for the roles nobody gave a URL for
 *                  and no running project published
 */
public record VerifyTargets(URI prometheus, URI grafana, URI exporter, String grafanaUser, String grafanaPassword,
        String credentialsSource, String project, String urlsSource, Map<Role, String> defaulted) {

    public VerifyTargets {
        defaulted = Map.copyOf(defaulted);
    }

    /** Targets nobody defaulted (tests, and callers that give every URL). */
    public VerifyTargets(URI prometheus, URI grafana, URI exporter, String grafanaUser, String grafanaPassword,
            String credentialsSource, String project, String urlsSource) {
        this(prometheus, grafana, exporter, grafanaUser, grafanaPassword, credentialsSource, project, urlsSource, Map.of());
    }

    /** Why the role's URL is a default ("no --grafana-url"), when it is one. */
    public Optional<String> defaulted(Role role) {
        return Optional.ofNullable(defaulted.get(role));
    }

    /** The URL verify uses for the role; null when there is none. */
    public URI url(Role role) {
        return switch (role) {
            case PROMETHEUS -> prometheus;
            case GRAFANA -> grafana;
            case EXPORTER -> exporter;
        };
    }

    @Override
    public String toString() {
        // never the password
        return "VerifyTargets[prometheus=" + prometheus + ", grafana=" + grafana + ", exporter=" + exporter
                + ", user=" + grafanaUser + " (" + credentialsSource + "), project=" + project + "]";
    }
}
