package com.peaktrade.obs.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** --format of the snapshot commands (debug, prometheus reload): their own text, or JSON. */
final class SnapshotFormat {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = Converter.class,
            description = "text or json (default: ${DEFAULT-VALUE}; debug config's text is YAML, so yaml means text there).")
    String name = "text";

    boolean json() {
        return "json".equals(name);
    }

    /** text, json, and yaml as a name for debug config's text; case-insensitive. */
    static final class Converter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "text", "yaml" -> "text";
                case "json" -> "json";
                default -> throw new TypeConversionException("expected text or json, got '" + value + "'");
            };
        }
    }
}
