package com.peaktrade.obs.http;

import java.util.List;

/**
 * What goes into the Authorization header of every request that carries credentials: basic auth
 * or a bearer token. The secret leaves an implementation only as that header value; everything
 * else (descriptions, {@code toString}) names the kind and never the secret.
 */
public interface Credentials {
    /** The {@code Authorization} header value. */
    String header();

    /** The strings that must never appear in a message: the secret and its encodings. */
    List<String> secrets();

    /** What kind of credential this is, e.g. "basic auth for user admin", "service-account token". */
    String kind();

    /** The user name for basic auth, null for a token. */
    String user();
}
