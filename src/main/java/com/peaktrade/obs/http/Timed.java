package com.peaktrade.obs.http;

import java.time.Duration;

/**
 * A decoded answer with how it came: the HTTP status and the latency from request to last byte
 * (for evidence and {@code debug health}).
 */
public record Timed<T>(T value, Duration latency, int status) {

    public static <T> Timed<T> of(T value, Response response) {
        return new Timed<>(value, response.latency(), response.status());
    }
}
