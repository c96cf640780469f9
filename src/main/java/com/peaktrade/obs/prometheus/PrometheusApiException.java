package com.peaktrade.obs.prometheus;

import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.http.Response;

/**
 * Prometheus answered with its error envelope {@code {"status":"error","errorType":…,"error":…}}:
 * {@code bad_data} (400, e.g. a PromQL parse error), {@code execution} (422), {@code timeout} (503),
 * {@code internal} (500). Not "not ready": the server is up and refused this request.
 */
public final class PrometheusApiException extends HttpFailure {
    private static final long serialVersionUID = 1L;
    private final String errorType;
    private final String error;

    PrometheusApiException(Response response, String errorType, String error) {
        super(Kind.HTTP_STATUS, response.method(), response.url(),
                "HTTP " + response.status() + " Prometheus " + errorType + " error: " + error,
                response.status(), response.excerpt(), null, error, null, null);
        this.errorType = errorType;
        this.error = error;
    }

    /** {@code bad_data}, {@code execution}, {@code timeout}, {@code internal}, … as Prometheus sent it. */
    public String errorType() {
        return errorType;
    }

    /** Prometheus' error text, e.g. {@code invalid parameter "query": 1:1: parse error: …}. */
    public String error() {
        return error;
    }

    @Override
    public boolean notReady() {
        return false;
    }
}
