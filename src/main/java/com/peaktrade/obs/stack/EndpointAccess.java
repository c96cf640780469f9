package com.peaktrade.obs.stack;

import com.peaktrade.obs.http.TlsSettings;

/**
 * How verify reaches Grafana, Prometheus and the exporter: each one's credentials, plus the TLS
 * trust and proxy they share. {@link #notes()} is what every report states about it (an
 * unverified TLS setup above all).
 *
 * @param proxy the proxy rules in words, or null when connecting directly
 */
public record EndpointAccess(Access grafana, Access prometheus, Access exporter, TlsSettings tls, String proxy) {

    /** One line for reports: TLS trust, and the proxy when one is used. */
    public String notes() {
        return "TLS: " + tls.describe() + (proxy == null ? "" : "; " + proxy);
    }

    /**
     * The report's notes for these URLs: the TLS line when one is https, a proxy is used or
     * verification is off (then always), else none, so plain local runs read as before.
     */
    public java.util.List<String> notesFor(java.util.List<java.net.URI> urls) {
        boolean https = urls.stream().anyMatch(u -> u != null && "https".equalsIgnoreCase(u.getScheme()));
        return https || proxy != null || tls.insecureSkipVerify() ? java.util.List.of(notes()) : java.util.List.of();
    }
}
