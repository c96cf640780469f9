package com.peaktrade.obs.standin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Reading provisioning YAML the way Grafana does: *.yaml|*.yml by name, env vars expanded in values. */
final class ProvisioningFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ProvisioningFiles() {
    }

    /** One parsed provisioning file. */
    record Yaml(Path path, JsonNode root) {
    }

    /** The *.yaml and *.yml files of a directory, sorted by name; none when the directory is missing. */
    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
            }).sorted().toList();
        }
    }

    static List<Yaml> read(Path dir, Map<String, String> env) throws Fatal {
        List<Yaml> out = new ArrayList<>();
        try {
            for (Path file : list(dir)) {
                JsonNode root = YAML.readTree(file.toFile());
                out.add(new Yaml(file, root == null ? YAML.createObjectNode() : expand(root, s -> interpolate(s, env))));
            }
        } catch (IOException e) {
            throw new Fatal("could not parse provisioning file in " + dir + ": " + e.getMessage());
        }
        return out;
    }

    /** Applies {@code f} to every string scalar of the tree (Grafana's values package interpolates each value). */
    static JsonNode expand(JsonNode node, UnaryOperator<String> f) {
        if (node.isTextual()) {
            return TextNode.valueOf(f.apply(node.asText()));
        }
        if (node instanceof ObjectNode obj) {
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(expand(e.getValue(), f));
            }
        } else if (node instanceof ArrayNode arr) {
            for (int i = 0; i < arr.size(); i++) {
                arr.set(i, expand(arr.get(i), f));
            }
        }
        return node;
    }

    /** Grafana's interpolateValue: split on "$$" (a literal '$'), then Go's os.ExpandEnv on each part. */
    static String interpolate(String value, Map<String, String> env) {
        if (value.indexOf('$') < 0) {
            return value;
        }
        String[] parts = value.split("\\$\\$", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('$');
            }
            out.append(expandEnv(parts[i], env));
        }
        return out.toString();
    }

    private static String expandEnv(String s, Map<String, String> env) {
        StringBuilder buf = new StringBuilder();
        int i = 0;
        for (int j = 0; j < s.length(); j++) {
            if (s.charAt(j) != '$' || j + 1 >= s.length()) {
                continue;
            }
            buf.append(s, i, j);
            String rest = s.substring(j + 1);
            String name;
            int width;
            if (rest.charAt(0) == '{') {
                int close = rest.indexOf('}');
                if (close < 0 || close == 1) {
                    name = "";
                    width = close < 0 ? 1 : 2; // bad syntax: Go eats "${" (or "${}")
                } else {
                    name = rest.substring(1, close);
                    width = close + 1;
                }
            } else if ("*#$@!?-0123456789".indexOf(rest.charAt(0)) >= 0) {
                name = rest.substring(0, 1);
                width = 1;
            } else {
                int k = 0;
                while (k < rest.length() && (Character.isLetterOrDigit(rest.charAt(k)) || rest.charAt(k) == '_')
                        && rest.charAt(k) < 128) {
                    k++;
                }
                name = rest.substring(0, k);
                width = k;
            }
            if (name.isEmpty() && width == 0) {
                buf.append('$'); // a '$' not followed by a name stays
            } else if (!name.isEmpty()) {
                buf.append(env.getOrDefault(name, ""));
            }
            j += width;
            i = j + 1;
        }
        return buf.append(s, Math.min(i, s.length()), s.length()).toString();
    }

    static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        return v.isBoolean() ? v.asBoolean() : "true".equalsIgnoreCase(v.asText().trim());
    }

    static long number(JsonNode node, String field, long fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            return fallback;
        }
        return v.isNumber() ? v.asLong() : Long.parseLong(v.asText().trim());
    }
}
