package com.peaktrade.obs.stack;

import com.peaktrade.obs.http.ConnectionSettings;

/**
 * How one endpoint is reached, and a description of it for reports: the kind of credential and
 * where it came from ("service-account token from GRAFANA_TOKEN"), never the secret.
 *
 * @param source where the credential came from, or null when none
 */
public record Access(ConnectionSettings settings, String source) {

    /** e.g. "service-account token from GRAFANA_TOKEN", "basic auth for user ci from GRAFANA_AUTH", "no credentials". */
    public String describe() {
        return settings.credentials() == null ? "no credentials" : settings.credentials().kind() + " from " + source;
    }

    public boolean hasCredentials() {
        return settings.credentials() != null;
    }

    @Override
    public String toString() {
        return "Access[" + describe() + "]";
    }
}
