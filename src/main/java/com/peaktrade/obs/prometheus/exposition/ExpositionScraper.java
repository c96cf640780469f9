package com.peaktrade.obs.prometheus.exposition;

import com.peaktrade.obs.http.ConnectionSettings;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.http.HttpTransport;
import com.peaktrade.obs.http.Request;
import com.peaktrade.obs.http.Response;
import java.net.URI;
import java.time.Duration;

/** Fetches a {@code /metrics} URL the way a plain scraper does, within a time and size bound. */
public final class ExpositionScraper {
    /** Asks for the classic text format, as Prometheus v2 and {@code curl} get it. */
    public static final String TEXT_ACCEPT = "text/plain;version=0.0.4;q=1.0,*/*;q=0.1";
    private final Duration timeout;
    private final ConnectionSettings settings;

    public ExpositionScraper(Duration timeout) {
        this(timeout, ConnectionSettings.PLAIN);
    }

    /** With credentials, TLS trust and proxy as {@code settings} say. */
    public ExpositionScraper(Duration timeout, ConnectionSettings settings) {
        this.timeout = timeout;
        this.settings = settings;
    }

    /** GET with {@link #TEXT_ACCEPT}. */
    public Scrape scrape(URI url) {
        return scrape(url, TEXT_ACCEPT);
    }

    /**
     * GET {@code url} with this Accept header. Any status is an answer except a redirect.
     *
     * @throws HttpFailure UNREACHABLE, TIMEOUT, HTTP_STATUS for a redirect, BAD_RESPONSE for a body
     *                     beyond 8 MiB or broken off
     */
    public Scrape scrape(URI url, String accept) {
        HttpTransport http = new HttpTransport(url, timeout, settings);
        Response r = http.send(Request.get("").header("Accept", accept)).requireNoRedirect();
        return new Scrape(r.url(), r.status(), r.contentType(), r.body(), r.size(), r.latency());
    }
}
