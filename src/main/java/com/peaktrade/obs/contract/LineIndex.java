package com.peaktrade.obs.contract;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of every key and list item of a YAML text, by JSON pointer ({@code /grafana/datasources/1}),
 * so entries read from Jackson's tree can say where they are written. A key's own line wins over
 * that of its value (a list under a key starts on the next line). It also notes YAML aliases,
 * which Jackson's tree does not resolve.
 */
final class LineIndex {
    private final Map<String, Integer> lines;
    private final List<Integer> aliasLines;

    private LineIndex(Map<String, Integer> lines, List<Integer> aliasLines) {
        this.lines = lines;
        this.aliasLines = List.copyOf(aliasLines);
    }

    /** Indexes text that has already been parsed once without error. */
    static LineIndex of(String text, YAMLFactory factory) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        List<Integer> aliasLines = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                int line = parser.currentTokenLocation().getLineNr();
                lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), line);
                if (parser.isCurrentAlias()) {
                    aliasLines.add(line);
                }
            }
        }
        return new LineIndex(lines, aliasLines);
    }

    /** The line of {@code pointer}, else of its nearest indexed ancestor, else 1. */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Lines where a YAML alias (*name) stands. */
    List<Integer> aliasLines() {
        return aliasLines;
    }
}
