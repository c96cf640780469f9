package com.peaktrade.obs.http;

import com.peaktrade.obs.error.ExitCodes;
import com.peaktrade.obs.error.ObsException;
import com.peaktrade.obs.poll.PermanentError;

/**
 * A call to Prometheus, Grafana or an exporter that produced no usable answer. One small hierarchy
 * (this class and {@code PrometheusApiException}); the {@link #kind()} says what went wrong, the
 * message says it in one line naming the method and URL (never credentials).
 *
 * <p>Checks catch it and turn it into a FAIL with evidence; if one escapes to the CLI it is an
 * "environment not usable" error (exit 3).
 */
public class HttpFailure extends ObsException implements PermanentError {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** Nothing answered: connection refused, unknown host, connect timeout, TLS vs plain mismatch, reset before any answer. */
        UNREACHABLE,
        /** Connected, but no complete answer (headers and body) within the time bound. */
        TIMEOUT,
        /** An answer with an unexpected status: non-2xx, or a redirect (see {@link #location()}). */
        HTTP_STATUS,
        /** An answer we cannot use: not JSON, an HTML page, the wrong shape, truncated, too large. */
        BAD_RESPONSE,
        /** 401 or 403: credentials missing, wrong, or lacking permission (see {@link #serverMessage()}). */
        UNAUTHORIZED,
        /** The TLS handshake failed for a reason waiting cannot fix: an unknown CA, an expired certificate, a wrong host name. */
        TLS
    }

    /** Status for failures without an HTTP answer. */
    public static final int NO_STATUS = -1;

    private final Kind kind;
    private final String method;
    private final String url;
    private final int status;
    private final String bodyExcerpt;
    private final String location;
    private final String serverMessage;
    private final String messageId;

    /**
     * @param url           the request URL without credentials
     * @param problem       the problem, e.g. "connection refused" (the message is "METHOD url: problem")
     * @param status        HTTP status or {@link #NO_STATUS}
     * @param bodyExcerpt   trimmed body, secrets removed, or ""
     * @param location      Location header of a redirect, or null
     * @param serverMessage the server's own error text (Grafana {@code message}), or null
     * @param messageId     Grafana {@code messageId}, or null
     */
    public HttpFailure(Kind kind, String method, String url, String problem, int status, String bodyExcerpt,
            String location, String serverMessage, String messageId, Throwable cause) {
        this(kind, method, url, problem, status, bodyExcerpt, location, serverMessage, messageId, null, cause);
    }

    /** As above, with a hint (what to do next) for the user. */
    public HttpFailure(Kind kind, String method, String url, String problem, int status, String bodyExcerpt,
            String location, String serverMessage, String messageId, String hint, Throwable cause) {
        super(method + " " + url + ": " + problem, hint, cause);
        this.kind = kind;
        this.method = method;
        this.url = url;
        this.status = status;
        this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
        this.location = location;
        this.serverMessage = serverMessage;
        this.messageId = messageId;
    }

    /** A failure without an HTTP answer (UNREACHABLE, TIMEOUT, or a body that broke off). */
    public static HttpFailure withoutAnswer(Kind kind, String method, String url, String problem, Throwable cause) {
        return new HttpFailure(kind, method, url, problem, NO_STATUS, "", null, null, null, cause);
    }

    /** A BAD_RESPONSE about an answer that came: status and excerpt are kept. */
    public static HttpFailure badResponse(Response response, String problem) {
        return new HttpFailure(Kind.BAD_RESPONSE, response.method(), response.url(),
                problem + " (HTTP " + response.status() + contentTypeNote(response) + excerptNote(response) + ")",
                response.status(), response.excerpt(), null, null, null, null);
    }

    /**
     * The failure for an answer whose status the caller cannot use: 3xx is HTTP_STATUS with the
     * Location; 401/403 is UNAUTHORIZED with Grafana's {@code message}/{@code messageId} when the
     * body has them; anything else HTTP_STATUS.
     */
    public static HttpFailure forStatus(Response response) {
        int status = response.status();
        if (response.isRedirect()) {
            String target = response.location() == null ? "no Location header" : response.location();
            return new HttpFailure(Kind.HTTP_STATUS, response.method(), response.url(),
                    "HTTP " + status + " redirect to " + target + " (redirects are not followed: a login page or proxy?)",
                    status, response.excerpt(), response.location(), null, null, null);
        }
        ServerMessage server = ServerMessage.of(response);
        if (status == 401 || status == 403) {
            String what = server.message() == null ? excerptOrEmpty(response) : server.message()
                    + (server.messageId() == null ? "" : " (" + server.messageId() + ")");
            return new HttpFailure(Kind.UNAUTHORIZED, response.method(), response.url(),
                    "HTTP " + status + (status == 401 ? " unauthorized" : " forbidden") + (what.isEmpty() ? "" : ": " + what),
                    status, response.excerpt(), null, server.message(), server.messageId(), null);
        }
        String what = server.message() != null ? server.message() : excerptOrEmpty(response);
        return new HttpFailure(Kind.HTTP_STATUS, response.method(), response.url(),
                "HTTP " + status + (status == 429 ? " too many requests" : "") + (what.isEmpty() ? "" : ": " + what)
                        + retryNote(response),
                status, response.excerpt(), null, server.message(), server.messageId(), null);
    }

    /** How hard we tried: a server under load must be told apart from one that said no once. */
    private static String retryNote(Response response) {
        if (!RetryPolicy.retryableStatus(response.status())) {
            return "";
        }
        String after = response.retryAfter() == null ? "" : "Retry-After " + response.retryAfter();
        if (response.attempts() > 1) {
            return " (gave up after " + response.attempts() + " attempts" + (after.isEmpty() ? "" : ", last " + after) + ")";
        }
        return after.isEmpty() ? "" : " (" + after + ": longer than we wait, not retried)";
    }

    private static String excerptOrEmpty(Response response) {
        return response.excerpt();
    }

    private static String contentTypeNote(Response response) {
        return response.contentType() == null ? "" : ", " + response.contentType();
    }

    private static String excerptNote(Response response) {
        String excerpt = response.excerpt();
        return excerpt.isEmpty() ? ", empty body" : ": " + excerpt;
    }

    public Kind kind() {
        return kind;
    }

    public String method() {
        return method;
    }

    /** The request URL, without credentials. */
    public String url() {
        return url;
    }

    /** The HTTP status, or {@link #NO_STATUS} (-1) when no answer came. */
    public int status() {
        return status;
    }

    /** The body trimmed to about 300 characters on one line, secrets removed; "" when none. */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** The Location header of a redirect, or null. */
    public String location() {
        return location;
    }

    /** The server's own error text (Grafana's {@code message}), or null. */
    public String serverMessage() {
        return serverMessage;
    }

    /** Grafana's {@code messageId} (e.g. {@code password-auth.failed}), or null. */
    public String messageId() {
        return messageId;
    }

    /**
     * True when the server said 503 Service Unavailable without a more specific API error: Prometheus
     * before ready (WAL replay) or stopping. Worth polling again within a budget.
     */
    public boolean notReady() {
        return kind == Kind.HTTP_STATUS && status == 503;
    }

    /** True when trying again later may help: nothing answered yet, too slow, or not ready. Never for 401/403. */
    public boolean retryable() {
        return kind == Kind.UNREACHABLE || kind == Kind.TIMEOUT || notReady();
    }

    /**
     * A TLS failure stays one however long we wait; so does a 401/403, and asking again with a wrong
     * password counts towards Grafana's lockout.
     */
    @Override
    public boolean permanent() {
        return kind == Kind.TLS || kind == Kind.UNAUTHORIZED;
    }

    @Override
    public int exitCode() {
        return ExitCodes.ENVIRONMENT;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + kind + "] " + getMessage();
    }
}
