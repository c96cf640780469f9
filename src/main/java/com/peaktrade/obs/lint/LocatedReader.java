package com.peaktrade.obs.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a JSON or YAML file into a {@link Node} tree with line numbers (Jackson's token locations).
 * Anything that stops it (unreadable, too big, not UTF-8, invalid syntax, duplicate keys, a YAML
 * alias) is a {@link BrokenInputException} with the line, never another exception.
 */
final class LocatedReader {
    static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final int MAX_DEPTH = 200;

    private LocatedReader() {
    }

    static Node readJson(Path file) {
        return read(file, new JsonFactory());
    }

    static Node readYaml(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowDuplicateKeys(false);
        return read(file, YAMLFactory.builder().loaderOptions(options).build());
    }

    private static Node read(Path file, JsonFactory factory) {
        String text = text(file);
        factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
        try (JsonParser parser = factory.createParser(text)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Node.Scalar(null, false, 1);
            }
            return value(parser);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new BrokenInputException(describe(e), Math.max(line, 0));
        } catch (IOException e) {
            throw new BrokenInputException("cannot read: " + e.getMessage(), 0);
        } catch (RuntimeException e) {
            // SnakeYAML raises its own unchecked errors for some malformed documents
            throw new BrokenInputException("invalid YAML: " + firstLine(e.getMessage()), 0);
        }
    }

    private static String text(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new BrokenInputException("is a directory, not a file", 0);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new BrokenInputException("is larger than " + MAX_BYTES / (1024 * 1024) + " MB", 0);
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new BrokenInputException("is not UTF-8 text", 0);
        } catch (IOException e) {
            throw new BrokenInputException("cannot read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), 0);
        }
    }

    private static Node value(JsonParser parser) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Node> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    entries.put(key, value(parser));
                }
                return new Node.MapNode(entries, line);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser));
                }
                return new Node.ListNode(items, line);
            }
            case VALUE_NULL:
                return new Node.Scalar(null, false, line);
            case VALUE_STRING:
                return new Node.Scalar(parser.getText(), true, line);
            default:
                return new Node.Scalar(parser.getText(), false, line);
        }
    }

    private static String describe(JsonProcessingException e) {
        return "invalid syntax: " + firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
