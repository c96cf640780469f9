package com.peaktrade.obs.stack;

import com.peaktrade.obs.contract.StackService.Role;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What verify talks to. {@code exporter} is null for the grafana stack; {@code project} null when
 * verify gates URLs it did not start. {@code access} holds the credentials, which only the clients
 * ever see.
 *
 * @param defaulted role → why its URL is a default ("no --grafana-url"), for the roles nobody gave a URL for
 *                  and no running project published
 */
public record VerifyTargets(URI prometheus, URI grafana, URI exporter, EndpointAccess access, String project,
        String urlsSource, Map<Role, String> defaulted) {

    public VerifyTargets {
        defaulted = Map.copyOf(defaulted);
    }

    /** Targets nobody defaulted (tests, and callers that give every URL). */
    public VerifyTargets(URI prometheus, URI grafana, URI exporter, EndpointAccess access, String project,
            String urlsSource) {
        this(prometheus, grafana, exporter, access, project, urlsSource, Map.of());
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
        // never a secret: Access describes kind and source only
        return "VerifyTargets[prometheus=" + prometheus + ", grafana=" + grafana + ", exporter=" + exporter
                + ", grafana " + access.grafana().describe() + ", project=" + project + "]";
    }
}
