package com.peaktrade.obs.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A user and password for HTTP basic auth. The password leaves this object only as the encoded
 * header value; {@link #toString()} names the user alone.
 */
public final class BasicCredentials implements Credentials {
    private final String user;
    private final String password;

    public BasicCredentials(String user, String password) {
        if (user == null || password == null) {
            throw new IllegalArgumentException("user and password are required");
        }
        this.user = user;
        this.password = password;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String header() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The password and the encoded header. */
    @Override
    public List<String> secrets() {
        String encoded = header().substring("Basic ".length());
        return password.isEmpty() ? List.of(encoded) : List.of(password, encoded);
    }

    @Override
    public String kind() {
        return "basic auth for user " + user;
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + ", password=***]";
    }
}
