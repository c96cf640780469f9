package com.peaktrade.obs.http;

import com.fasterxml.jackson.databind.JsonNode;

/** Grafana's plain error body {@code {"message":…,"messageId":…}} when a body has that shape; nulls otherwise. */
record ServerMessage(String message, String messageId) {

    static ServerMessage of(Response response) {
        JsonNode node = response.jsonOrNull();
        if (node == null || !node.isObject()) {
            return new ServerMessage(null, null);
        }
        return new ServerMessage(Json.text(node, "message"), Json.text(node, "messageId"));
    }
}
