package com.peaktrade.obs.http;

import java.net.ProxySelector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything about reaching one endpoint beyond its URL: credentials (or none), how https is
 * trusted, the proxy, and headers sent with every request (Grafana's {@code X-Grafana-Org-Id}).
 *
 * @param credentials null for none
 * @param proxy       null to connect directly
 */
public record ConnectionSettings(Credentials credentials, TlsSettings tls, ProxySelector proxy, Map<String, String> headers) {
    /** No credentials, the JDK's trust store, no proxy. */
    public static final ConnectionSettings PLAIN = new ConnectionSettings(null, TlsSettings.DEFAULT, null, Map.of());

    public ConnectionSettings {
        tls = tls == null ? TlsSettings.DEFAULT : tls;
        headers = Map.copyOf(headers);
    }

    public static ConnectionSettings of(Credentials credentials) {
        return new ConnectionSettings(credentials, TlsSettings.DEFAULT, null, Map.of());
    }

    public ConnectionSettings withCredentials(Credentials other) {
        return new ConnectionSettings(other, tls, proxy, headers);
    }

    public ConnectionSettings withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ConnectionSettings(credentials, tls, proxy, more);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + (credentials == null ? "no credentials" : credentials.kind()) + ", " + tls.describe()
                + (proxy == null ? "" : ", proxy") + ", headers=" + headers.keySet() + "]";
    }
}
