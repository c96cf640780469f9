package com.peaktrade.obs.compose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes Go's {@code encoding/json.Marshal} writes, for the values a compose model holds:
 * compact, struct fields in declaration order ({@link Struct}), map keys sorted by their UTF-8
 * bytes, and strings escaped like Go (HTML-safe: {@code < > &} as backslash-u003c etc., U+2028 and
 * U+2029 escaped, backspace, form feed, newline, CR and tab as short escapes, other control
 * characters as backslash-u00XX). Docker compose hashes such bytes, so one different byte is a
 * different config-hash.
 */
final class GoJson {
    private static final String HEX = "0123456789abcdef";
    /** Go's map key order: byte order of UTF-8, which is code point order (not UTF-16 unit order). */
    static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private GoJson() {
    }

    /** When a struct field is left out, as its json tag says. */
    enum Omit {
        /** No omitempty: always written, null as {@code null} (e.g. compose's command). */
        NEVER,
        /** omitempty on a pointer: left out only when null (a set 0 or "0s" is written). */
        NIL,
        /** omitempty on a value: left out when null, "", false, 0, or an empty list or map. */
        EMPTY
    }

    /** A Go struct value: fields in declaration order, each kept or left out by its omit rule. */
    static final class Struct {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Struct put(String name, Object value, Omit omit) {
            if (!omitted(value, omit)) {
                fields.put(name, value);
            }
            return this;
        }

        private static boolean omitted(Object value, Omit omit) {
            return switch (omit) {
                case NEVER -> false;
                case NIL -> value == null;
                case EMPTY -> value == null || "".equals(value) || Boolean.FALSE.equals(value)
                        || (value instanceof Number n && n.longValue() == 0)
                        || (value instanceof List<?> l && l.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
            };
        }
    }

    /**
     * The Go encoding of a value: null, String, Boolean, Integer/Long, List (a slice), Map with
     * String keys (a Go map: sorted keys) or {@link Struct}.
     */
    static String marshal(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Struct struct) {
            object(struct.fields, out);
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            map.keySet().forEach(k -> keys.add((String) k));
            Collections.sort(keys, KEY_ORDER);
            Map<String, Object> sorted = new LinkedHashMap<>();
            keys.forEach(k -> sorted.put(k, map.get(k)));
            object(sorted, out);
        } else {
            throw new IllegalArgumentException("no Go JSON form for " + value.getClass().getName());
        }
    }

    private static void object(Map<String, Object> fields, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            string(field.getKey(), out);
            out.append(':');
            write(field.getValue(), out);
        }
        out.append('}');
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(c, out);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c, out);
                    } else if (Character.isSurrogate(c) && !isPairAt(text, i)) {
                        // Go writes invalid UTF-8 as U+FFFD; a lone surrogate is Java's counterpart
                        out.append("\\ufffd");
                    } else if (Character.isHighSurrogate(c)) {
                        out.append(c).append(text.charAt(++i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isPairAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u").append(HEX.charAt(c >> 12 & 0xF)).append(HEX.charAt(c >> 8 & 0xF))
                .append(HEX.charAt(c >> 4 & 0xF)).append(HEX.charAt(c & 0xF));
    }
}
