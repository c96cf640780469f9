package com.peaktrade.obs.contract;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One value of the contract file while it is read: typed access by key that names the value
 * ({@code grafana.datasources[1].default}) and its line when the type is wrong, a required key is
 * missing or a key is unknown. Reading never throws: the problem is recorded and a neutral value
 * returned, so one pass finds every problem.
 */
final class ContractNode {
    private final JsonNode value;
    private final JsonPointer pointer;
    private final String path;
    private final String name;
    private final Problems problems;

    private ContractNode(JsonNode value, JsonPointer pointer, String path, String name, Problems problems) {
        this.value = value;
        this.pointer = pointer;
        this.path = path;
        this.name = name;
        this.problems = problems;
    }

    static ContractNode root(JsonNode document, Problems problems) {
        return new ContractNode(document, JsonPointer.empty(), "", "", problems);
    }

    /** The value under {@code key}; absent keys give a node for which {@link #isPresent()} is false. */
    ContractNode get(String key) {
        JsonNode child = value.isObject() && value.has(key) ? value.get(key) : MissingNode.getInstance();
        String step = key.matches("[A-Za-z0-9_-]+") ? (path.isEmpty() ? key : "." + key) : "['" + key + "']";
        return new ContractNode(child, pointer.appendProperty(key), path + step, key, problems);
    }

    private ContractNode item(int index) {
        return new ContractNode(value.get(index), pointer.appendIndex(index), path + "[" + index + "]", name, problems);
    }

    boolean isPresent() {
        return !value.isMissingNode();
    }

    /** Written with no value ({@code grafana:}). */
    boolean isNull() {
        return value.isNull();
    }

    boolean isList() {
        return value.isArray();
    }

    boolean isText() {
        return value.isTextual();
    }

    /** The key this value is written under (for a list item: its list's key). */
    String name() {
        return name;
    }

    /** How messages name it: grafana.datasources[1].uid. */
    String path() {
        return path;
    }

    Where where() {
        return problems.where(pointer.toString());
    }

    void problem(String message) {
        problems.add(where(), (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** True when this is a mapping; every key not in {@code known} is a problem (a typo must never disable a check). */
    boolean isMappingOf(String... known) {
        if (!value.isObject()) {
            problem("expected a mapping (keys " + String.join(", ", known) + "), got " + kind(value));
            return false;
        }
        List<String> knownKeys = Arrays.asList(known);
        for (Iterator<String> keys = value.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!knownKeys.contains(key)) {
                problems.add(get(key).where(), "unknown key '" + key + "'" + (path.isEmpty() ? "" : " in " + path)
                        + suggestion(key, knownKeys) + " (known: " + String.join(", ", known) + ")");
            }
        }
        return true;
    }

    /** A required string; "" when missing or not a string (recorded). */
    String text(String key) {
        ContractNode child = get(key);
        if (!child.isPresent()) {
            problem("missing '" + key + "'");
            return "";
        }
        return child.asText().orElse("");
    }

    Optional<String> optionalText(String key) {
        ContractNode child = get(key);
        return child.isPresent() ? child.asText() : Optional.empty();
    }

    /** This value as a non-empty string. */
    Optional<String> asText() {
        if (!value.isTextual()) {
            problem("expected a string, got " + kind(value));
            return Optional.empty();
        }
        if (value.asText().isBlank()) {
            problem("must not be empty");
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** true/false; false when absent. */
    boolean flag(String key) {
        ContractNode child = get(key);
        if (!child.isPresent()) {
            return false;
        }
        if (!child.value.isBoolean()) {
            child.problem("expected true or false, got " + kind(child.value));
            return false;
        }
        return child.value.booleanValue();
    }

    /** A whole number in [min, max], when present. */
    OptionalInt integer(String key, int min, int max) {
        ContractNode child = get(key);
        if (!child.isPresent()) {
            return OptionalInt.empty();
        }
        if (!child.value.isIntegralNumber() || !child.value.canConvertToInt()) {
            child.problem("expected a whole number, got " + kind(child.value));
            return OptionalInt.empty();
        }
        if (child.value.intValue() < min || child.value.intValue() > max) {
            child.problem("must be " + (max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max)
                    + ", got " + child.value.intValue());
            return OptionalInt.empty();
        }
        return OptionalInt.of(child.value.intValue());
    }

    OptionalDouble number(String key) {
        ContractNode child = get(key);
        if (!child.isPresent()) {
            return OptionalDouble.empty();
        }
        if (!child.value.isNumber()) {
            child.problem("expected a number, got " + kind(child.value));
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(child.value.doubleValue());
    }

    /** One of the constants of {@code type}, written in lower case; when present. */
    <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        ContractNode child = get(key);
        return child.isPresent() ? child.asChoice(type) : Optional.empty();
    }

    <E extends Enum<E>> Optional<E> asChoice(Class<E> type) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        Optional<String> text = asText();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!allowed.contains(text.get())) {
            problem("'" + text.get() + "' is not one of " + String.join(", ", allowed));
            return Optional.empty();
        }
        return Optional.of(Enum.valueOf(type, text.get().toUpperCase(Locale.ROOT)));
    }

    /** A list of non-empty strings; empty when absent. */
    List<String> texts(String key) {
        return optionalTexts(key).orElse(List.of());
    }

    Optional<List<String>> optionalTexts(String key) {
        ContractNode child = get(key);
        if (!child.isPresent()) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (ContractNode item : child.items()) {
            item.asText().ifPresent(texts::add);
        }
        return Optional.of(texts);
    }

    /** The items of this list (none, recorded, when it is not a list). */
    List<ContractNode> items() {
        if (!value.isArray()) {
            problem("expected a list, got " + kind(value));
            return List.of();
        }
        List<ContractNode> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(item(i));
        }
        return items;
    }

    /** The values of this mapping, each named by its key (none, recorded, when it is not a mapping). */
    List<ContractNode> entries() {
        if (!value.isObject()) {
            problem("expected a mapping, got " + kind(value));
            return List.of();
        }
        List<ContractNode> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            entries.add(get(fields.next().getKey()));
        }
        return entries;
    }

    /**
     * A list section: absent, declared with no value (nothing expected), or a list whose items
     * {@code reader} turns into entries (an item it cannot read is left out; its problem is recorded).
     */
    <T> Section<T> listSection(String key, Function<ContractNode, Optional<T>> reader) {
        ContractNode child = get(key);
        if (!child.isPresent()) {
            return Section.absent();
        }
        return child.section(child.isNull() ? List.of() : child.items(), reader);
    }

    /** Like {@link #listSection}, for a mapping from names to entries. */
    <T> Section<T> mapSection(String key, Function<ContractNode, Optional<T>> reader) {
        ContractNode child = get(key);
        if (!child.isPresent()) {
            return Section.absent();
        }
        return child.section(child.isNull() ? List.of() : child.entries(), reader);
    }

    private <T> Section<T> section(List<ContractNode> parts, Function<ContractNode, Optional<T>> reader) {
        List<T> entries = new ArrayList<>();
        parts.forEach(part -> reader.apply(part).ifPresent(entries::add));
        return Section.declared(entries, where());
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        String shown = node.asText().length() > 40 ? node.asText().substring(0, 40) + "…" : node.asText();
        if (node.isTextual()) {
            return "a string ('" + shown + "')";
        }
        if (node.isBoolean()) {
            return shown;
        }
        return node.isNumber() ? "a number (" + shown + ")" : "'" + shown + "'";
    }

    /** ", did you mean 'default'?" for a key one or two edits away from a known one. */
    private static String suggestion(String key, List<String> known) {
        Set<String> close = new TreeSet<>();
        for (String k : known) {
            if (editDistance(key.toLowerCase(Locale.ROOT), k) <= 2) {
                close.add(k);
            }
        }
        return close.isEmpty() ? "" : ", did you mean '" + String.join("' or '", close) + "'?";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
