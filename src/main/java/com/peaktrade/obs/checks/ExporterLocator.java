package com.peaktrade.obs.checks;

import com.peaktrade.obs.stack.RunningProject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where verify reaches, from this machine, an exporter that Prometheus scrapes at a URL of its own
 * network: a compose service of the running project through the port it publishes; the Docker host
 * ({@code host.docker.internal}) as 127.0.0.1 when Prometheus itself is reached on loopback (it
 * runs here, so its host is this machine); and, for a Prometheus that is not a project of ours, its
 * own {@code localhost} likewise. Anything else (another machine, a port not published) is not
 * reachable, and says why.
 */
final class ExporterLocator {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    static final String DOCKER_HOST = "host.docker.internal";

    /** A URL to scrape, or why there is none. */
    record Located(Optional<URI> url, String why) {
        static Located at(URI url) {
            return new Located(Optional.of(url), "");
        }

        static Located not(String why) {
            return new Located(Optional.empty(), why);
        }
    }

    private ExporterLocator() {
    }

    /**
     * @param scrapeUrl  a target's scrape URL as Prometheus has it
     * @param prometheus the URL verify reaches Prometheus at
     * @param project    the compose project verify checks, null in URL mode
     */
    static Located locate(String scrapeUrl, URI prometheus, String project, RunningProject running) {
        URI url;
        try {
            url = URI.create(scrapeUrl);
        } catch (IllegalArgumentException e) {
            return Located.not("its scrape URL " + scrapeUrl + " does not parse");
        }
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        if (project != null) {
            Optional<String> published = running.published(host, port);
            if (published.isPresent()) {
                return Located.at(on(url, published.get().replaceFirst("^0\\.0\\.0\\.0:", "127.0.0.1:")));
            }
        }
        boolean prometheusHere = prometheus != null && LOOPBACK.contains(prometheus.getHost().toLowerCase(Locale.ROOT));
        if (prometheusHere && (host.equals(DOCKER_HOST) || project == null && LOOPBACK.contains(host))) {
            return Located.at(on(url, "127.0.0.1:" + port));
        }
        if (project != null && !host.equals(DOCKER_HOST) && !LOOPBACK.contains(host)) {
            return Located.not("Prometheus scrapes it at " + scrapeUrl + ", and project " + project + " publishes no port "
                    + port + " of a service " + host);
        }
        return Located.not("Prometheus scrapes it at " + scrapeUrl + ", which is not reachable from here");
    }

    private static URI on(URI url, String hostPort) {
        return URI.create(url.getScheme() + "://" + hostPort + (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }
}
