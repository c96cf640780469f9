package com.peaktrade.obs.compose;

import com.peaktrade.obs.error.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One YAML document of one compose file as plain maps, lists and scalars (String, Boolean, null;
 * numbers keep their source text), plus the line of each node by path ("services.app.ports[0]"),
 * so later steps can name file and line in their errors. {@code replaced} are the key paths this
 * document tagged {@code !reset} or {@code !override}: the merge drops their earlier value.
 */
record RawFile(Path file, String displayName, Map<String, Object> root, Map<String, Integer> lines,
        Set<List<String>> replaced) {

    RawFile withRoot(Map<String, Object> newRoot) {
        return new RawFile(file, displayName, newRoot, lines, replaced);
    }

    /** "file:line" for the node at path, or its nearest ancestor with a known line. */
    String where(String path) {
        for (String p = path; !p.isEmpty(); p = Paths.parent(p)) {
            Integer line = lines.get(p);
            if (line != null) {
                return displayName + ":" + line;
            }
        }
        return displayName;
    }

    boolean defines(String path) {
        return lines.containsKey(path);
    }

    ConfigException error(String path, String message) {
        return new ConfigException(where(path) + ": " + message);
    }

    String warning(String path, String message) {
        return where(path) + ": " + message;
    }

    /** Building and splitting the node paths used as keys of {@link #lines}. */
    static final class Paths {
        private Paths() {
        }

        static String key(String parent, String key) {
            return parent.isEmpty() ? key : parent + "." + key;
        }

        static String index(String parent, int index) {
            return parent + "[" + index + "]";
        }

        static String parent(String path) {
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            return cut < 0 ? "" : path.substring(0, cut);
        }
    }
}
