package com.peaktrade.obs.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.peaktrade.obs.error.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a compose file into {@link RawFile}s, one per YAML document. Jackson's streaming parser
 * gives tokens and lines; anchors, aliases and {@code <<} merge keys are resolved here because
 * Jackson leaves aliases unresolved. Limits make alias bombs and huge files fail fast.
 * <p>
 * Compose's tags: a {@code !reset} node is left out of the document and {@code !override} kept;
 * both record their path, whose earlier value the merge then drops (compose-go loader/reset.go).
 */
final class YamlReader {
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 64;
    static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
    private static final String MERGE_KEY = "<<";
    private static final String RESET_TAG = "reset";
    private static final String OVERRIDE_TAG = "override";
    /** Stands for a {@code !reset} node while reading: its parent leaves it out. */
    private static final Object RESET = new Object();

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private final Path file;
    private final String displayName;
    private final Map<String, Object> anchors = new HashMap<>();
    private Map<String, Integer> lines = new HashMap<>();
    private Set<List<String>> replaced = new LinkedHashSet<>();
    private YAMLParser parser;
    private int aliases;

    private YamlReader(Path file, String displayName) {
        this.file = file;
        this.displayName = displayName;
    }

    static List<RawFile> read(Path file, String displayName) {
        return new YamlReader(file, displayName).readAll();
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    private List<RawFile> readAll() {
        List<RawFile> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                YAMLParser yaml = (YAMLParser) FACTORY.createParser(reader)) {
            parser = yaml;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                lines = new HashMap<>();
                replaced = new LinkedHashSet<>();
                Object root = readValue("", List.of(), 0);
                if (root == null || root == RESET) {
                    continue;
                }
                if (!(root instanceof Map)) {
                    throw new ConfigException(displayName + ": the top level of a compose file must be a mapping, not "
                            + RawTypes.describe(root));
                }
                documents.add(new RawFile(file, displayName, RawTypes.asMap(root), Map.copyOf(lines), Set.copyOf(replaced)));
            }
        } catch (NoSuchFileException e) {
            throw new ConfigException("compose file not found: " + displayName, "check the -f path");
        } catch (JsonProcessingException e) {
            int line = e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null
                    ? marked.getProblemMark().getLine() + 1
                    : e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new ConfigException(displayName + (line > 0 ? ":" + line : "") + ": invalid YAML: "
                    + describe(e), null, e);
        } catch (IOException e) {
            throw new ConfigException("cannot read compose file " + displayName + ": " + e.getMessage(), null, e);
        }
        if (documents.isEmpty()) {
            throw new ConfigException(displayName + ": empty compose file", "a compose file needs at least a services: section");
        }
        return documents;
    }

    private static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked) {
            return (marked.getContext() == null ? "" : marked.getContext() + ": ") + marked.getProblem();
        }
        String message = e.getOriginalMessage().strip();
        if (message.startsWith("Duplicate field ")) {
            return "duplicate key " + message.substring("Duplicate field ".length());
        }
        return message;
    }

    /**
     * Reads the value at the current token (the parser stands on it) and records its line;
     * {@code segments} is the same path as a list of keys (service names may contain dots).
     */
    private Object readValue(String path, List<String> segments, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
        String tag = composeTag();
        if (parser.isCurrentAlias()) {
            return resolveAlias(parser.getText());
        }
        String anchor = parser.getObjectId();
        Object value = switch (parser.currentToken()) {
            case START_OBJECT -> readMapping(path, segments, depth);
            case START_ARRAY -> readSequence(path, segments, depth);
            case VALUE_NULL -> null;
            case VALUE_TRUE, VALUE_FALSE -> booleanOrText(parser.getText());
            default -> tag != null && parser.getText().isEmpty() ? null : parser.getText();
        };
        if (tag != null) {
            replaced.add(segments);
            if (tag.equals(RESET_TAG)) {
                return RESET;
            }
        }
        if (anchor != null) {
            anchors.put(anchor, value);
        }
        return value;
    }

    private static List<String> child(List<String> segments, String key) {
        List<String> child = new ArrayList<>(segments);
        child.add(key);
        return List.copyOf(child);
    }

    private Map<String, Object> readMapping(String path, List<String> segments, int depth) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Object> mergeSources = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String childPath = RawFile.Paths.key(path, key);
            lines.put(childPath, parser.currentTokenLocation().getLineNr());
            parser.nextToken();
            Object value = readValue(childPath, child(segments, key), depth + 1);
            if (value == RESET) {
                continue;
            }
            if (key.equals(MERGE_KEY)) {
                mergeSources.add(value);
            } else {
                map.put(key, value);
            }
        }
        for (Object source : mergeSources) {
            mergeInto(map, source, path);
        }
        return map;
    }

    /** YAML merge keys: {@code <<: *a} or {@code <<: [*a, *b]}; explicit keys win, earlier sources win. */
    private void mergeInto(Map<String, Object> map, Object source, String path) {
        if (source instanceof Map<?, ?> mapping) {
            RawTypes.asMap(mapping).forEach(map::putIfAbsent);
        } else if (source instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
            list.forEach(item -> RawTypes.asMap(item).forEach(map::putIfAbsent));
        } else {
            String where = path.isEmpty() ? "the top level" : path;
            throw error("the merge key << in " + where + " needs a mapping or a list of mappings");
        }
    }

    private List<Object> readSequence(String path, List<String> segments, int depth) throws IOException {
        List<Object> list = new ArrayList<>();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String itemPath = RawFile.Paths.index(path, index);
            Object item = readValue(itemPath, child(segments, "[" + index + "]"), depth + 1);
            index++;
            if (item != RESET) {
                list.add(item);
            }
        }
        return list;
    }

    private Object resolveAlias(String name) {
        if (!anchors.containsKey(name)) {
            throw error("unknown alias *" + name);
        }
        Object value = anchors.get(name);
        if ((value instanceof Map || value instanceof List) && ++aliases > MAX_ALIASES) {
            throw error("more than " + MAX_ALIASES + " aliases to collections (refusing a possible alias bomb)");
        }
        return value;
    }

    /**
     * "reset" or "override" for compose's tags, null for none or a standard YAML tag; any other
     * custom tag would silently change meaning and is refused.
     */
    private String composeTag() throws IOException {
        String tag = parser.getTypeId();
        if (tag == null || tag.startsWith("tag:yaml.org,2002:")) {
            return null;
        }
        if (tag.equals(RESET_TAG) || tag.equals(OVERRIDE_TAG)) {
            return tag;
        }
        throw error("the YAML tag !" + tag + " is not supported (compose knows !reset and !override)");
    }

    /** YAML 1.2 booleans only: yes/no/on/off stay text, as in docker compose. */
    private static Object booleanOrText(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? Boolean.valueOf(text) : text;
    }

    private ConfigException error(String message) {
        return new ConfigException(displayName + ":" + parser.currentTokenLocation().getLineNr() + ": " + message);
    }
}
