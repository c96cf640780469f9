package com.peaktrade.obs.stack;

import com.peaktrade.obs.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment the tool works with: the user config file
 * ({@code ${XDG_CONFIG_HOME:-~/.config}/peaktrade-obs/env}, written by {@code install.sh --offline})
 * overlaid by the shell environment, which always wins.
 */
public final class UserEnvironment {
    private UserEnvironment() {
    }

    /** The effective environment of this process. */
    public static Map<String, String> load() {
        return merge(System.getenv(), configFile(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    public static Path configFile(Map<String, String> shell, Path home) {
        String xdg = shell.get("XDG_CONFIG_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
        return base.resolve("peaktrade-obs").resolve("env");
    }

    static Map<String, String> merge(Map<String, String> shell, Path configFile) {
        Map<String, String> result = new LinkedHashMap<>(readConfigFile(configFile));
        result.putAll(shell);
        return Collections.unmodifiableMap(result);
    }

    /** KEY=VALUE lines; `#` comments, blank lines and an `export ` prefix allowed; quotes stripped. */
    static Map<String, String> readConfigFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read the config file " + file + ": " + e.getMessage(),
                    "fix its permissions or remove it (install.sh --offline writes it)", e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || !line.substring(0, eq).strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ConfigException(file + ":" + (i + 1) + ": expected KEY=VALUE, got '" + lines.get(i) + "'",
                        "fix or remove that line");
            }
            values.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
