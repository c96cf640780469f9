package com.peaktrade.obs.http;

import com.peaktrade.obs.error.ConfigException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * The one way the clients speak HTTP: a JDK {@link HttpClient} (HTTP/1.1, redirects not followed)
 * with these bounds per request:
 * <ul>
 * <li>one time bound for the whole exchange, connect to last body byte: a server that accepts and
 * never answers, or sends headers and then a body that never ends, fails as TIMEOUT;</li>
 * <li>a body size cap (8 MiB by default): larger is a BAD_RESPONSE, never buffered on.</li>
 * </ul>
 * Any HTTP status comes back as a {@link Response}; only "no usable answer at all" throws
 * {@link HttpFailure}. At most {@link InFlightLimit} requests of this transport are in flight at
 * once; a 429 or transient 5xx is retried within {@link RetryPolicy}'s bounds, a 401/403 never (a
 * rejected Grafana login counts towards its lockout).
 * Credentials go only into the Authorization header; messages carry the URL without them, and
 * bodies echoing them are scrubbed.
 */
public final class HttpTransport {
    /** 8 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 8L * 1024 * 1024;
    private static final String USER_AGENT = "peaktrade-obs";

    private final URI base;
    private final Duration timeout;
    private final long maxBodyBytes;
    private final Credentials credentials;
    private final ConnectionSettings settings;
    private final HttpClient client;
    private final InFlightLimit inFlight;
    private final RetryPolicy retry;

    /**
     * @param baseUrl     http(s) URL; a path prefix is kept, user info is dropped
     * @param timeout     bound of each exchange, connect included
     * @param credentials basic-auth credentials or null
     * @throws ConfigException when the URL is not an absolute http(s) URL with a host
     */
    public HttpTransport(URI baseUrl, Duration timeout, Credentials credentials) {
        this(baseUrl, timeout, credentials, DEFAULT_MAX_BODY_BYTES);
    }

    public HttpTransport(URI baseUrl, Duration timeout, Credentials credentials, long maxBodyBytes) {
        this(baseUrl, timeout, ConnectionSettings.of(credentials), maxBodyBytes);
    }

    /**
     * @param settings credentials, TLS trust, proxy and extra headers
     * @throws ConfigException also when a TLS file cannot be read or used
     */
    public HttpTransport(URI baseUrl, Duration timeout, ConnectionSettings settings) {
        this(baseUrl, timeout, settings, DEFAULT_MAX_BODY_BYTES);
    }

    public HttpTransport(URI baseUrl, Duration timeout, ConnectionSettings settings, long maxBodyBytes) {
        this(baseUrl, timeout, settings, maxBodyBytes, new InFlightLimit(InFlightLimit.DEFAULT_MAX), RetryPolicy.standard());
    }

    /** With an explicit in-flight limit and retry policy (verify's clients take them from the environment). */
    public HttpTransport(URI baseUrl, Duration timeout, ConnectionSettings settings, long maxBodyBytes,
            InFlightLimit inFlight, RetryPolicy retry) {
        this.inFlight = inFlight;
        this.retry = retry;
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.base = validated(baseUrl);
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
        this.settings = settings;
        this.credentials = settings.credentials();
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout);
        if ("http".equalsIgnoreCase(base.getScheme())) {
            builder.sslContext(PlaintextOnly.context()); // no redirects: this client never speaks TLS
        } else {
            builder.sslContext(settings.tls().context());
        }
        if (settings.proxy() != null) {
            builder.proxy(settings.proxy());
        }
        this.client = builder.build();
    }

    /** Credentials, TLS trust, proxy and headers of this transport (no secret in its toString). */
    public ConnectionSettings settings() {
        return settings;
    }

    /** The base URL without credentials. */
    public URI baseUrl() {
        return base;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The in-flight limit's size: how many requests callers may usefully start at once. */
    public int maxInFlight() {
        return inFlight.max();
    }

    /** The full URL a path resolves to (no credentials): base path + path. */
    public String urlOf(String path) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        if (!path.isEmpty() && basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        String query = base.getRawQuery() == null || !path.isEmpty() ? "" : "?" + base.getRawQuery();
        return base.getScheme() + "://" + base.getRawAuthority() + basePath + path + query;
    }

    /**
     * Sends the request and reads the whole answer, any status; a 429 or transient 5xx is sent again
     * within the retry policy, each attempt in a slot of the in-flight limit (not held while waiting).
     */
    public Response send(Request request) {
        return retry.send(request, once -> inFlight.call(once.method(), urlOf(once.path()), timeout, () -> sendOnce(once)));
    }

    private Response sendOnce(Request request) {
        String url = urlOf(request.path());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("User-Agent", USER_AGENT);
        settings.headers().forEach(builder::header);
        request.headers().forEach(builder::header);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.withCredentials() && credentials != null) {
            builder.header("Authorization", credentials.header());
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));

        AtomicReference<BoundedBody> body = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            BoundedBody subscriber = announced > maxBodyBytes
                    ? BoundedBody.refusing(maxBodyBytes, info.statusCode(), announced)
                    : new BoundedBody(maxBodyBytes, info.statusCode());
            body.set(subscriber);
            return subscriber;
        };
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(builder.build(), handler);
        try {
            HttpResponse<byte[]> answer = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            return new Response(request.method(), url, answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse(null),
                    answer.headers().firstValue("Location").orElse(null),
                    scrub(new String(answer.body(), StandardCharsets.UTF_8)), answer.body().length, latency,
                    answer.headers().firstValue("Retry-After").orElse(null), 1);
        } catch (TimeoutException e) {
            abort(future, body);
            throw HttpFailure.withoutAnswer(HttpFailure.Kind.TIMEOUT, request.method(), url,
                    timeoutProblem(body.get() != null), e);
        } catch (InterruptedException e) {
            abort(future, body);
            Thread.currentThread().interrupt();
            throw HttpFailure.withoutAnswer(HttpFailure.Kind.TIMEOUT, request.method(), url, "interrupted", e);
        } catch (ExecutionException e) {
            abort(future, body);
            throw translate(request.method(), url, e.getCause());
        }
    }

    private static void abort(CompletableFuture<?> future, AtomicReference<BoundedBody> body) {
        future.cancel(true);
        BoundedBody subscriber = body.get();
        if (subscriber != null) {
            subscriber.abort();
        }
    }

    private HttpFailure translate(String method, String url, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.BodyProblem) {
                BoundedBody.BodyProblem problem = (BoundedBody.BodyProblem) t;
                return new HttpFailure(HttpFailure.Kind.BAD_RESPONSE, method, url,
                        "HTTP " + problem.status + ", " + scrub(problem.getMessage()), problem.status, "", null, null,
                        null, failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return unreachable(method, url, "connect timed out after " + human(timeout), failure);
            }
            if (t instanceof HttpTimeoutException) {
                return HttpFailure.withoutAnswer(HttpFailure.Kind.TIMEOUT, method, url, timeoutProblem(false),
                        failure);
            }
            if (t instanceof ConnectException) {
                return unreachable(method, url, "connection refused (nothing listens there?)", failure);
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return unreachable(method, url, "unknown host " + URI.create(url).getHost(), failure);
            }
            if (t instanceof SSLException) {
                var named = TlsProblem.of(method, url, failure, settings.tls());
                if (named.isPresent()) {
                    return named.get();
                }
                return unreachable(method, url, "TLS handshake failed (" + message(t)
                        + "): an https URL for a plain HTTP port, or a certificate problem?", failure);
            }
        }
        return unreachable(method, url, "connection failed before an HTTP answer (" + message(failure)
                + "): not an HTTP server, or a plain http URL for a TLS port?", failure);
    }

    private String timeoutProblem(boolean headersCame) {
        if (headersCame) {
            return "headers came but the body did not end within " + human(timeout);
        }
        return "no answer within " + human(timeout)
                + ("https".equalsIgnoreCase(base.getScheme()) ? " (TLS: does the port speak plain HTTP?)" : "");
    }

    private static HttpFailure unreachable(String method, String url, String problem, Throwable cause) {
        return HttpFailure.withoutAnswer(HttpFailure.Kind.UNREACHABLE, method, url, problem, cause);
    }

    private static String message(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && (root.getMessage() == null || root instanceof ExecutionException
                || root.getClass() == IOException.class && root.getCause() instanceof IOException)) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Replaces the password and the encoded Authorization value by {@code ***}. */
    private String scrub(String text) {
        if (credentials == null || text == null) {
            return text;
        }
        String out = text;
        for (String secret : credentials.secrets()) {
            out = out.replace(secret, "***");
        }
        return out;
    }

    /** "2s", "1.5s", "250ms". */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }

    private static URI validated(URI url) {
        if (url == null) {
            throw new ConfigException("no URL given");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new ConfigException("not an http(s) URL with a host: " + withoutUserInfo(url),
                    "give a URL like http://127.0.0.1:9092");
        }
        return withoutUserInfo(url);
    }

    /** The URL without {@code user:password@}. */
    public static URI withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null) {
            return url;
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(),
                    url.getFragment());
        } catch (URISyntaxException e) {
            throw new ConfigException("not a valid URL: " + url.getScheme() + "://" + url.getHost());
        }
    }

    @Override
    public String toString() {
        return "HttpTransport[" + base + ", timeout=" + human(timeout)
                + (credentials == null ? "" : ", user=" + credentials.user()) + "]";
    }

    /** For tests and the clients: the credentials' user, or null. */
    public String user() {
        return credentials == null ? null : credentials.user();
    }
}
