package com.peaktrade.obs.stack;

import java.net.URI;

/**
 * What verify talks to. {@code exporter} is null for the grafana stack; {@code project} null when
 * verify gates URLs it did not start. The password is only ever handed to the Grafana client.
 */
public record VerifyTargets(URI prometheus, URI grafana, URI exporter, String grafanaUser, String grafanaPassword,
        String credentialsSource, String project, String urlsSource) {

    @Override
    public String toString() {
        // never the password
        return "VerifyTargets[prometheus=" + prometheus + ", grafana=" + grafana + ", exporter=" + exporter
                + ", user=" + grafanaUser + " (" + credentialsSource + "), project=" + project + "]";
    }
}
