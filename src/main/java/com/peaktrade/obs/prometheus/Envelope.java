package com.peaktrade.obs.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.peaktrade.obs.http.HttpFailure;
import com.peaktrade.obs.http.Json;
import com.peaktrade.obs.http.Response;
import java.util.List;

/**
 * The {@code /api/v1} envelope, decoded in this one place (client_golang's {@code apiResponse}):
 * {@code {"status":"success","data":…,"warnings":[…],"infos":[…]}} or
 * {@code {"status":"error","errorType":…,"error":…}}.
 */
record Envelope(JsonNode data, List<String> warnings, List<String> infos) {

    /**
     * Opens the envelope of an answer.
     *
     * @throws PrometheusApiException for the error envelope (whatever the status)
     * @throws HttpFailure            for a redirect, 401/403, another non-2xx (503 before ready:
     *                                {@link HttpFailure#notReady()}), or a 2xx that is not the envelope
     */
    static Envelope open(Response response) {
        if (response.isRedirect() || response.status() == 401 || response.status() == 403) {
            throw HttpFailure.forStatus(response);
        }
        JsonNode root = response.jsonOrNull();
        if (root != null && root.isObject() && "error".equals(Json.text(root, "status"))) {
            throw new PrometheusApiException(response, Json.text(root, "errorType", "unknown"),
                    Json.text(root, "error", ""));
        }
        response.requireSuccess();
        root = response.json();
        if (!root.isObject() || !"success".equals(Json.text(root, "status")) || !root.has("data")) {
            throw HttpFailure.badResponse(response, "not a Prometheus API answer (no \"status\":\"success\" with \"data\")");
        }
        return new Envelope(root.get("data"), Json.strings(root.get("warnings")), Json.strings(root.get("infos")));
    }
}
