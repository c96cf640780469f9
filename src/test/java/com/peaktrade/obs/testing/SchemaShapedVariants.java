package com.peaktrade.obs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Variants of an answer that its JSON Schema still allows, derived mechanically from the schema: the
 * terse answer (every property the schema does not require removed, at every depth) and the newer
 * answer (an unknown property added to every object whose properties the schema names). Map-like objects
 * (whose schema has only {@code additionalProperties}, e.g. {@code results} keyed by refId, or labels) keep
 * their entries in both: those are data, not fields. Free-form objects (no properties named, e.g.
 * {@code jsonData}) are emptied in the terse answer (nothing in them is required) and left as they are in
 * the newer one (a client keeps them verbatim, so an added key is not "unknown" to it). Understands local
 * {@code $ref}s, {@code properties}, {@code required}, {@code additionalProperties}, {@code items} and
 * {@code anyOf}/{@code oneOf} (the first alternative whose type fits).
 */
public final class SchemaShapedVariants {
    /** The property added by {@link #withUnknownFields}. */
    public static final String UNKNOWN_FIELD = "fieldFromANewerGrafana";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private enum Mode { TERSE, NEWER }

    private final JsonNode document;
    private final Mode mode;

    private SchemaShapedVariants(JsonNode document, Mode mode) {
        this.document = document;
        this.mode = mode;
    }

    public static JsonNode withoutOptionalFields(GrafanaApiSchema schema, JsonNode answer) {
        return new SchemaShapedVariants(schema.document(), Mode.TERSE).walk(schema.document(), answer);
    }

    public static JsonNode withUnknownFields(GrafanaApiSchema schema, JsonNode answer) {
        return new SchemaShapedVariants(schema.document(), Mode.NEWER).walk(schema.document(), answer);
    }

    private JsonNode walk(JsonNode schemaNode, JsonNode node) {
        JsonNode s = branchFor(resolve(schemaNode), node);
        if (node.isObject()) {
            return object(s, (ObjectNode) node);
        }
        if (node.isArray() && s.has("items")) {
            ArrayNode out = F.arrayNode();
            node.forEach(element -> out.add(walk(s.get("items"), element)));
            return out;
        }
        return node.deepCopy();
    }

    private ObjectNode object(JsonNode s, ObjectNode node) {
        JsonNode properties = s.get("properties");
        JsonNode additional = s.get("additionalProperties");
        boolean mapLike = properties == null && additional != null && additional.isObject();
        Set<String> required = new HashSet<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        ObjectNode out = F.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (mode == Mode.TERSE && !mapLike && !required.contains(field.getKey())) {
                continue;
            }
            JsonNode sub = properties != null && properties.has(field.getKey()) ? properties.get(field.getKey())
                    : additional != null && additional.isObject() ? additional : null;
            out.set(field.getKey(), sub == null ? field.getValue().deepCopy() : walk(sub, field.getValue()));
        }
        if (mode == Mode.NEWER && properties != null) {
            ObjectNode unknown = out.putObject(UNKNOWN_FIELD);
            unknown.put("text", "added after this client was written");
            unknown.putArray("list").add(1).add("two").addNull();
        }
        return out;
    }

    /** Follows local {@code $ref}s ("#/$defs/Name"). */
    private JsonNode resolve(JsonNode schemaNode) {
        JsonNode s = schemaNode;
        while (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local $refs are understood: " + ref);
            }
            s = document.at(ref.substring(1));
            if (s.isMissingNode()) {
                throw new IllegalArgumentException("unresolved $ref " + ref);
            }
        }
        return s;
    }

    /** For anyOf/oneOf: the first alternative whose type fits the node (else the schema itself). */
    private JsonNode branchFor(JsonNode s, JsonNode node) {
        JsonNode alternatives = s.has("anyOf") ? s.get("anyOf") : s.get("oneOf");
        if (alternatives == null) {
            return s;
        }
        for (JsonNode alternative : alternatives) {
            JsonNode resolved = resolve(alternative);
            if (typeFits(resolved.get("type"), node)) {
                return resolved;
            }
        }
        return s;
    }

    private static boolean typeFits(JsonNode type, JsonNode node) {
        if (type == null) {
            return true;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeFits(t, node)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> node.isObject();
            case "array" -> node.isArray();
            case "null" -> node.isNull();
            case "string" -> node.isTextual();
            case "boolean" -> node.isBoolean();
            case "integer" -> node.isIntegralNumber();
            case "number" -> node.isNumber();
            default -> false;
        };
    }
}
