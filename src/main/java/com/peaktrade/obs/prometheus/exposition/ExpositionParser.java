package com.peaktrade.obs.prometheus.exposition;

import com.peaktrade.obs.prometheus.PromValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Prometheus text format 0.0.4 (grafana-facts.md §20), read line by line. OpenMetrics is
 * tolerated: {@code # EOF}, {@code # UNIT}, its extra types, {@code foo_total} samples under
 * {@code # TYPE foo counter}, exemplars after {@code " # "}. A line it cannot accept becomes a
 * {@link ParseProblem}; parsing goes on with the next line.
 */
final class ExpositionParser {
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped",
            "unknown", "info", "stateset", "gaugehistogram");
    private static final List<String> SUFFIXES = List.of("_bucket", "_sum", "_count", "_total", "_created",
            "_info", "_gsum", "_gcount");
    private static final int TEXT_CHARS = 120;

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final List<ParseProblem> problems = new ArrayList<>();
    private boolean eof;

    private ExpositionParser() {
    }

    static Exposition parse(String text) {
        ExpositionParser parser = new ExpositionParser();
        String[] lines = (text == null ? "" : text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            parser.line(i + 1, line);
        }
        List<MetricFamily> out = new ArrayList<>();
        parser.families.values().forEach(f -> out.add(f.build()));
        return new Exposition(List.copyOf(out), List.copyOf(parser.problems), parser.eof);
    }

    private void line(int number, String line) {
        if (line.isBlank()) {
            return;
        }
        if (eof) {
            problem(number, line, "content after # EOF");
            return;
        }
        if (line.startsWith("#")) {
            comment(number, line);
            return;
        }
        try {
            sample(number, line);
        } catch (IllegalArgumentException e) {
            problem(number, line, e.getMessage());
        }
    }

    private void comment(int number, String line) {
        if (line.equals("# EOF")) {
            eof = true;
            return;
        }
        String[] parts = line.split("[ \t]+", 4);
        if (parts.length < 3 || !parts[0].equals("#")
                || !(parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
            if (parts.length >= 2 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                problem(number, line, parts[1] + " without a metric name");
            }
            return; // an ordinary comment, or # UNIT
        }
        String name = parts[2];
        if (!validMetricName(name)) {
            problem(number, line, "invalid metric name \"" + name + "\"");
            return;
        }
        String rest = parts.length > 3 ? parts[3] : "";
        Family family = families.computeIfAbsent(name, Family::new);
        if (parts[1].equals("HELP")) {
            if (family.help != null) {
                problem(number, line, "second HELP for " + name);
                return;
            }
            family.help = unescapeHelp(rest);
        } else {
            String type = rest.strip();
            if (!TYPES.contains(type)) {
                problem(number, line, "unknown type \"" + type + "\"");
            } else if (family.type != null) {
                problem(number, line, "second TYPE for " + name);
            } else if (!family.samples.isEmpty()) {
                problem(number, line, "TYPE for " + name + " after its samples");
            } else {
                family.type = type;
            }
        }
    }

    private void sample(int number, String line) {
        Cursor c = new Cursor(line);
        String name = c.name();
        if (!validMetricName(name)) {
            throw new IllegalArgumentException("invalid metric name \"" + name + "\"");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int afterName = c.at;
        c.skipBlanks();
        boolean spaced = c.at > afterName;
        if (c.peek() == '{') {
            c.next();
            labels(c, labels);
            spaced = c.blankOrEnd();
            c.skipBlanks();
        }
        if (!spaced) {
            throw new IllegalArgumentException("expected a space before the value");
        }
        String valueText = c.token();
        if (valueText.isEmpty()) {
            throw new IllegalArgumentException("no value");
        }
        double value;
        try {
            value = PromValues.parseValue(valueText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid value \"" + valueText + "\"");
        }
        c.skipBlanks();
        Long timestamp = null;
        if (!c.atEnd() && c.peek() != '#') {
            String ts = c.token();
            try {
                timestamp = ts.contains(".") ? Math.round(Double.parseDouble(ts) * 1000) : Long.parseLong(ts);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid timestamp \"" + ts + "\"");
            }
            c.skipBlanks();
        }
        if (!c.atEnd() && !c.rest().startsWith("# ")) {
            throw new IllegalArgumentException("unexpected text after the value: \"" + c.rest() + "\"");
        }
        Family family = familyOf(name);
        if (family.isHistogramLike() && name.endsWith("_bucket") && !labels.containsKey("le")) {
            throw new IllegalArgumentException("histogram bucket without an \"le\" label");
        }
        family.samples.add(new MetricSample(name, Collections.unmodifiableMap(labels), value, timestamp, number));
    }

    private static void labels(Cursor c, Map<String, String> labels) {
        while (true) {
            c.skipBlanks();
            if (c.peek() == '}') {
                c.next();
                return;
            }
            String label = c.name();
            if (label.isEmpty() || !label.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                throw new IllegalArgumentException("invalid label name at column " + (c.at + 1));
            }
            c.skipBlanks();
            c.expect('=');
            c.skipBlanks();
            c.expect('"');
            String value = c.quoted();
            if (labels.put(label, value) != null) {
                throw new IllegalArgumentException("label \"" + label + "\" twice");
            }
            c.skipBlanks();
            if (c.peek() == ',') {
                c.next();
            } else if (c.peek() != '}') {
                throw new IllegalArgumentException("expected ',' or '}' at column " + (c.at + 1));
            }
        }
    }

    /** The declared family a sample belongs to (exact name, or name minus a known suffix), else its own untyped one. */
    private Family familyOf(String sampleName) {
        Family exact = families.get(sampleName);
        if (exact != null && exact.type != null) {
            return exact;
        }
        for (String suffix : SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                Family base = families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
                if (base != null && base.type != null && base.accepts(suffix)) {
                    return base;
                }
            }
        }
        return exact != null ? exact : families.computeIfAbsent(sampleName, Family::new);
    }

    private static boolean validMetricName(String name) {
        return name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
    }

    private static String unescapeHelp(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) {
                char esc = text.charAt(++i);
                out.append(esc == 'n' ? '\n' : esc == '\\' ? '\\' : esc == '"' ? '"' : '\\');
                if (esc != 'n' && esc != '\\' && esc != '"') {
                    out.append(esc);
                }
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private void problem(int number, String line, String problem) {
        String text = line.length() <= TEXT_CHARS ? line : line.substring(0, TEXT_CHARS) + "…";
        problems.add(new ParseProblem(number, text, problem));
    }

    private static final class Family {
        final String name;
        String type;
        String help;
        final List<MetricSample> samples = new ArrayList<>();

        Family(String name) {
            this.name = name;
        }

        boolean isHistogramLike() {
            return "histogram".equals(type) || "gaugehistogram".equals(type);
        }

        boolean accepts(String suffix) {
            switch (type) {
                case "histogram":
                    return suffix.equals("_bucket") || suffix.equals("_sum") || suffix.equals("_count")
                            || suffix.equals("_created");
                case "gaugehistogram":
                    return suffix.equals("_bucket") || suffix.equals("_gsum") || suffix.equals("_gcount");
                case "summary":
                    return suffix.equals("_sum") || suffix.equals("_count") || suffix.equals("_created");
                case "counter":
                    return suffix.equals("_total") || suffix.equals("_created");
                case "info":
                    return suffix.equals("_info");
                default:
                    return false;
            }
        }

        MetricFamily build() {
            return new MetricFamily(name, type == null ? "untyped" : type, help, List.copyOf(samples));
        }
    }

    /** A position in one line. */
    private static final class Cursor {
        final String s;
        int at;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return at >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(at);
        }

        void next() {
            at++;
        }

        boolean blankOrEnd() {
            return atEnd() || peek() == ' ' || peek() == '\t';
        }

        void skipBlanks() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                at++;
            }
        }

        String name() {
            int start = at;
            while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == ':')) {
                at++;
            }
            return s.substring(start, at);
        }

        String token() {
            int start = at;
            while (!atEnd() && peek() != ' ' && peek() != '\t') {
                at++;
            }
            return s.substring(start, at);
        }

        String rest() {
            return s.substring(at);
        }

        void expect(char ch) {
            if (peek() != ch) {
                throw new IllegalArgumentException("expected '" + ch + "' at column " + (at + 1));
            }
            at++;
        }

        /** A label value after its opening quote, unescaping {@code \\ \" \n}. */
        String quoted() {
            StringBuilder out = new StringBuilder();
            while (!atEnd()) {
                char ch = s.charAt(at++);
                if (ch == '"') {
                    return out.toString();
                }
                if (ch == '\\') {
                    if (atEnd()) {
                        break;
                    }
                    char esc = s.charAt(at++);
                    if (esc == 'n') {
                        out.append('\n');
                    } else if (esc == '\\' || esc == '"') {
                        out.append(esc);
                    } else {
                        throw new IllegalArgumentException("invalid escape \\" + esc + " in a label value");
                    }
                } else {
                    out.append(ch);
                }
            }
            throw new IllegalArgumentException("label value without its closing quote");
        }
    }
}
