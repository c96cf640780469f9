package com.peaktrade.obs.stack;

import java.net.URI;

/**
 * What verify talks to. {@code exporter} is null for the grafana stack; {@code project} null when
 * verify gates URLs it did not start. {@code access} holds the credentials, which only the clients
 * ever see.
 */
public record VerifyTargets(URI prometheus, URI grafana, URI exporter, EndpointAccess access, String project,
        String urlsSource) {

    @Override
    public String toString() {
        // never a secret: Access describes kind and source only
        return "VerifyTargets[prometheus=" + prometheus + ", grafana=" + grafana + ", exporter=" + exporter
                + ", grafana " + access.grafana().describe() + ", project=" + project + "]";
    }
}
