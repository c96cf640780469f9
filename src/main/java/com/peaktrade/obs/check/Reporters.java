package com.peaktrade.obs.check;

import com.peaktrade.obs.error.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Help.Ansi;

/** The output formats by name, for {@code --format} and {@code --report-format}. */
public final class Reporters {
    public static final String DEFAULT = "lines";
    private static final Map<String, Supplier<Reporter>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("lines", () -> new LinesReporter(Ansi.OFF, false));
        BY_NAME.put("json", JsonReporter::new);
        BY_NAME.put("junit", JunitReporter::new);
    }

    private Reporters() {
    }

    /** The valid names, default first: lines, json, junit. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The reporter called {@code name} (case-insensitive); lines without colour. Unknown: ConfigException. */
    public static Reporter byName(String name) {
        Supplier<Reporter> reporter = name == null ? null : BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
        if (reporter == null) {
            throw new ConfigException("unknown report format '" + name + "'", "use one of: " + String.join(", ", names()));
        }
        return reporter.get();
    }

    /** As {@link #byName(String)}, with the terminal's colour and verbosity for the lines format. */
    public static Reporter byName(String name, Ansi ansi, boolean verbose) {
        Reporter reporter = byName(name);
        return reporter instanceof LinesReporter ? new LinesReporter(ansi, verbose) : reporter;
    }
}
