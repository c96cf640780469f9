package com.peaktrade.obs.compose;

import com.peaktrade.obs.error.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code .env} format as compose reads it: {@code #} comments, {@code export } prefixes,
 * spaces around {@code =}, single quotes literal, double quotes with escapes and expansion,
 * unquoted values without their {@code " #"} tail, and a bare {@code KEY} copied from the OS
 * environment. Expansions look in the OS environment first, then in earlier lines.
 */
final class DotEnv {
    private final String source;
    private final String text;
    private final Function<String, String> osEnv;
    private final Map<String, String> values = new LinkedHashMap<>();
    private int pos;
    private int line = 1;

    private DotEnv(String source, String text, Function<String, String> osEnv) {
        this.source = source;
        this.text = text.replace("\r\n", "\n");
        this.osEnv = osEnv;
    }

    static Map<String, String> read(Path file, Function<String, String> osEnv) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), osEnv);
        } catch (IOException e) {
            throw new ConfigException("cannot read env file " + file + ": " + e.getMessage(), null, e);
        }
    }

    /** Parses env-file text; {@code source} names it in errors. */
    static Map<String, String> parse(String source, String text, Function<String, String> osEnv) {
        DotEnv env = new DotEnv(source, text, osEnv);
        env.parseAll();
        return env.values;
    }

    private void parseAll() {
        while (pos < text.length()) {
            String head = restOfLine().strip();
            if (head.isEmpty() || head.startsWith("#")) {
                skipLine();
                continue;
            }
            parseEntry();
        }
    }

    private void parseEntry() {
        int entryLine = line;
        skipBlanks();
        if (text.startsWith("export ", pos)) {
            pos += "export ".length();
            skipBlanks();
        }
        int eq = restOfLine().indexOf('=');
        if (eq < 0) {
            String key = restOfLine().strip();
            checkKey(key, entryLine);
            String value = osEnv.apply(key);
            if (value != null) {
                values.put(key, value);
            }
            skipLine();
            return;
        }
        String key = text.substring(pos, pos + eq).strip();
        checkKey(key, entryLine);
        pos += eq + 1;
        skipBlanks();
        char quote = pos < text.length() ? text.charAt(pos) : 0;
        String value;
        if (quote == '\'') {
            value = quoted('\'', entryLine);
        } else if (quote == '"') {
            value = expand(unescape(quoted('"', entryLine)), entryLine);
        } else {
            value = expand(unquoted(restOfLine()), entryLine);
        }
        values.put(key, value);
        skipLine();
    }

    private static String unquoted(String raw) {
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))) {
                return raw.substring(0, i).strip();
            }
        }
        return raw.strip();
    }

    /** The text between the quote at pos and its closing quote (possibly lines later). */
    private String quoted(char quote, int entryLine) {
        StringBuilder value = new StringBuilder();
        for (int i = pos + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                value.append(c).append(text.charAt(++i));
            } else if (c == quote) {
                line += (int) text.substring(pos, i).chars().filter(ch -> ch == '\n').count();
                pos = i + 1;
                return value.toString();
            } else {
                value.append(c);
            }
        }
        throw new ConfigException(source + ":" + entryLine + ": unterminated quoted value");
    }

    /** Decodes double-quote escapes; an escaped {@code $} becomes {@code $$} so expansion leaves it. */
    private static String unescape(String raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length()) {
                out.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '$' -> out.append("$$");
                case '"', '\\' -> out.append(next);
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }

    private String expand(String value, int entryLine) {
        Interpolator interpolator = new Interpolator(name -> {
            String os = osEnv.apply(name);
            return os != null ? os : values.get(name);
        }, name -> { });
        try {
            return interpolator.substitute(value);
        } catch (Interpolator.InterpolationException e) {
            throw new ConfigException(source + ":" + entryLine + ": " + e.getMessage() + " in " + value);
        }
    }

    private void checkKey(String key, int entryLine) {
        if (!key.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
            throw new ConfigException(source + ":" + entryLine + ": invalid variable name \"" + key + "\"");
        }
    }

    private String restOfLine() {
        int end = text.indexOf('\n', pos);
        return text.substring(pos, end < 0 ? text.length() : end);
    }

    /** Moves past the current line's end (whatever is left on it after a value is ignored). */
    private void skipLine() {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? text.length() : end + 1;
        line++;
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }
}
