package com.peaktrade.obs.compose;

import java.util.List;
import java.util.Map;

/** Casts and descriptions for the raw YAML tree (maps, lists, String, Boolean, null). */
final class RawTypes {
    private RawTypes() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return (List<Object>) value;
    }

    static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Boolean;
    }

    /** "a mapping", "a list", "null" or the scalar itself, for "must be X, not Y" messages. */
    static String describe(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value == null) {
            return "null";
        }
        return "the value " + value;
    }
}
