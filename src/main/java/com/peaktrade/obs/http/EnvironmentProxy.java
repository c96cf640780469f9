package com.peaktrade.obs.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy rules curl and most CLI tools follow: {@code HTTPS_PROXY} for https URLs,
 * {@code HTTP_PROXY} for http URLs (lower-case names too, lower case first), and {@code NO_PROXY}, a
 * comma list of hosts and domain suffixes ({@code example.com} also matches {@code a.example.com}, a
 * leading dot likewise, {@code *} matches everything) that are reached directly.
 */
public final class EnvironmentProxy extends ProxySelector {
    private final URI httpsProxy;
    private final URI httpProxy;
    private final List<String> noProxy;

    private EnvironmentProxy(URI httpsProxy, URI httpProxy, List<String> noProxy) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
    }

    /** The proxy rules of {@code env}; empty when no proxy variable is set. */
    public static Optional<ProxySelector> of(Map<String, String> env) {
        URI https = proxy(env, "https_proxy", "HTTPS_PROXY");
        URI http = proxy(env, "http_proxy", "HTTP_PROXY");
        if (https == null && http == null) {
            return Optional.empty();
        }
        String no = first(env, "no_proxy", "NO_PROXY");
        List<String> hosts = no == null ? List.of() : Arrays.stream(no.split(","))
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        return Optional.of(new EnvironmentProxy(https, http, hosts));
    }

    @Override
    public List<Proxy> select(URI uri) {
        URI proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
        if (proxy == null || bypassed(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        int port = proxy.getPort() > 0 ? proxy.getPort() : "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port)));
    }

    boolean bypassed(String host) {
        if (host == null) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
        for (String entry : noProxy) {
            String e = entry.startsWith(".") ? entry.substring(1) : entry;
            e = e.replaceFirst(":\\d+$", "");
            if (entry.equals("*") || h.equals(e) || h.endsWith("." + e)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // nothing to remember: one request, no retries
    }

    /** The proxy's host and port for reports (never its user info). */
    public String describe() {
        return "proxy " + (httpsProxy == null ? "" : "https→" + httpsProxy.getHost() + ":" + httpsProxy.getPort())
                + (httpsProxy != null && httpProxy != null ? ", " : "")
                + (httpProxy == null ? "" : "http→" + httpProxy.getHost() + ":" + httpProxy.getPort())
                + (noProxy.isEmpty() ? "" : " (NO_PROXY " + String.join(",", noProxy) + ")");
    }

    private static URI proxy(Map<String, String> env, String lower, String upper) {
        String value = first(env, lower, upper);
        if (value == null) {
            return null;
        }
        String text = value.contains("://") ? value : "http://" + value;
        try {
            URI uri = URI.create(text.strip());
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new com.peaktrade.obs.error.ConfigException(upper + " is not a proxy URL",
                    "set it like http://proxy.example:3128, or unset it");
        }
    }

    private static String first(Map<String, String> env, String lower, String upper) {
        String v = env.get(lower);
        if (v == null || v.isBlank()) {
            v = env.get(upper);
        }
        return v == null || v.isBlank() ? null : v;
    }
}
