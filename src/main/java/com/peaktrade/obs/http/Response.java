package com.peaktrade.obs.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Function;

/**
 * One HTTP answer, whatever its status, fully read within the time and size bounds.
 *
 * @param method      GET, POST, …
 * @param url         the request URL without credentials
 * @param status      the HTTP status
 * @param contentType the Content-Type header, or null
 * @param location    the Location header (redirects), or null
 * @param body        the body as UTF-8 text, with the client's secrets replaced by {@code ***}
 * @param size        the body size in bytes as received
 * @param latency     from sending the request to the last byte of the body
 * @param retryAfter  the Retry-After header (429, 503), or null
 * @param attempts    how many times the request was sent to get this answer ({@link RetryPolicy})
 */
public record Response(String method, String url, int status, String contentType, String location, String body,
        long size, Duration latency, String retryAfter, int attempts) {

    public Response(String method, String url, int status, String contentType, String location, String body, long size,
            Duration latency) {
        this(method, url, status, contentType, location, body, size, latency, null, 1);
    }

    /** This answer, noted as the last of {@code n} attempts. */
    public Response afterAttempts(int n) {
        return new Response(method, url, status, contentType, location, body, size, latency, retryAfter, n);
    }

    static final int EXCERPT_CHARS = 300;

    public boolean is2xx() {
        return status >= 200 && status < 300;
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    /** The body on one line (whitespace runs collapsed), cut to about 300 characters. */
    public String excerpt() {
        return excerpt(body, EXCERPT_CHARS);
    }

    static String excerpt(String text, int max) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }

    /** This answer if its status is 2xx, else the failure {@link HttpFailure#forStatus} describes. */
    public Response requireSuccess() {
        if (!is2xx()) {
            throw HttpFailure.forStatus(this);
        }
        return this;
    }

    /**
     * This answer unless it is a redirect (HTTP_STATUS with the Location: the body of a redirect says
     * nothing about the server asked). For calls where every other status is an answer to report.
     */
    public Response requireNoRedirect() {
        if (isRedirect()) {
            throw HttpFailure.forStatus(this);
        }
        return this;
    }

    /** The body as JSON; anything else (HTML login page, truncated JSON, empty) is a BAD_RESPONSE. */
    public JsonNode json() {
        if (body.isBlank()) {
            throw HttpFailure.badResponse(this, "expected JSON, got an empty body");
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            String what = body.stripLeading().startsWith("<") ? "expected JSON, got HTML or XML"
                    : "expected JSON, got unparseable text";
            throw HttpFailure.badResponse(this, what);
        }
    }

    /** The body as JSON, or null if it is not JSON. */
    public JsonNode jsonOrNull() {
        try {
            return body.isBlank() ? null : Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * Decodes the JSON body into a value; a decoder that meets the wrong shape (a missing field, an
     * array where an object belongs) makes a BAD_RESPONSE instead of a NullPointerException.
     */
    public <T> T decode(Function<JsonNode, T> decoder) {
        return decodeNode(json(), decoder);
    }

    /** As {@link #decode}, for a node already taken from this answer. */
    public <T> T decodeNode(JsonNode node, Function<JsonNode, T> decoder) {
        try {
            return decoder.apply(node);
        } catch (Json.ShapeException | NullPointerException | ClassCastException | IllegalArgumentException
                | java.time.DateTimeException e) {
            throw HttpFailure.badResponse(this, "unexpected JSON shape: " + e.getMessage());
        }
    }
}
