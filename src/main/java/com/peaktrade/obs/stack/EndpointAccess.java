package com.peaktrade.obs.stack;

import com.peaktrade.obs.http.TlsSettings;

/**
 * How verify reaches Grafana, Prometheus and the exporter: each one's credentials, plus the TLS
 * trust and proxy they share. {@link #notes()} says it in words for evidence (an unverified
 * TLS setup is a WARN of its own in every report, see the verify suite).
 *
 * @param proxy the proxy rules in words, or null when connecting directly
 */
public record EndpointAccess(Access grafana, Access prometheus, Access exporter, TlsSettings tls, String proxy) {

    /** The access for one role's endpoint. */
    public Access of(com.peaktrade.obs.contract.StackService.Role role) {
        return switch (role) {
            case GRAFANA -> grafana;
            case PROMETHEUS -> prometheus;
            case EXPORTER -> exporter;
        };
    }

    /** One line for reports: TLS trust, and the proxy when one is used. */
    public String notes() {
        return "TLS: " + tls.describe() + (proxy == null ? "" : "; " + proxy);
    }
}
