package com.peaktrade.obs.http;

import java.util.List;

/**
 * A bearer token ({@code Authorization: Bearer …}): a Grafana service-account token
 * ({@code glsa_…}), a legacy API key, or a token a proxy in front of Prometheus checks. The token
 * leaves this object only as the header value; {@link #toString()} names the kind alone.
 */
public final class BearerToken implements Credentials {
    private static final String SERVICE_ACCOUNT_PREFIX = "glsa_";
    private final String token;

    public BearerToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a token is required");
        }
        this.token = token.strip();
    }

    @Override
    public String header() {
        return "Bearer " + token;
    }

    @Override
    public List<String> secrets() {
        return List.of(token);
    }

    /** Grafana's service-account tokens start with {@code glsa_} (grafana-facts G14). */
    public boolean isServiceAccountToken() {
        return token.startsWith(SERVICE_ACCOUNT_PREFIX);
    }

    @Override
    public String kind() {
        return isServiceAccountToken() ? "service-account token" : "bearer token";
    }

    @Override
    public String user() {
        return null;
    }

    @Override
    public String toString() {
        return "BearerToken[" + kind() + ", ***]";
    }
}
