package com.peaktrade.obs.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one JSON mapper of the clients, and null-safe readers for decoding answers into records. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** The text of a field, or null when absent or JSON null; numbers and booleans as their text. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** The text of a field, or {@code fallback} when absent, null or empty. */
    public static String text(JsonNode node, String field, String fallback) {
        String value = text(node, field);
        return value == null || value.isEmpty() ? fallback : value;
    }

    public static long longValue(JsonNode node, String field, long fallback) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.canConvertToLong() ? fallback : value.asLong();
    }

    public static boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.asBoolean(false);
    }

    /** An object of string values ({@code labels}, {@code metric}) as an ordered, unmodifiable map. */
    public static Map<String, String> stringMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        return Collections.unmodifiableMap(map);
    }

    /** Any JSON object as plain Java values (maps, lists, strings, numbers, booleans). */
    public static Map<String, Object> plainMap(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(MAPPER.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {
        }));
    }

    /** An array of strings (null or a non-array gives an empty list). */
    public static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return List.copyOf(out);
    }

    /** The elements of an array field; absent or null gives none, anything else throws {@link ShapeException}. */
    public static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new ShapeException("\"" + field + "\" is not an array");
        }
        return elements(value);
    }

    /** The elements of an array node; anything else throws {@link ShapeException}. */
    public static List<JsonNode> elements(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new ShapeException("expected an array");
        }
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** A decoder found JSON of the wrong shape; {@link Response#decode} turns it into a BAD_RESPONSE. */
    public static final class ShapeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ShapeException(String message) {
            super(message);
        }
    }
}
