package com.peaktrade.obs.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Merges canonical documents in {@code -f} order. By default mappings merge key by key (a key keeps
 * its first position), lists append and scalars are replaced. The exceptions are two small tables,
 * as in compose-go's override package: paths whose value is replaced whole, and lists that are
 * de-duplicated by a key (a later entry replaces the earlier one in its place). Before a document
 * merges, the paths it tagged {@code !reset} or {@code !override} are dropped from what came before.
 */
final class Merger {
    /** Replaced, not merged. */
    private static final List<Pattern> REPLACED = List.of(
            pattern("services.*.command"),
            pattern("services.*.entrypoint"),
            pattern("services.*.healthcheck.test"));

    /** Lists unique by a key. */
    private static final Map<Pattern, Function<Object, Object>> UNIQUE_BY = Map.of(
            pattern("services.*.ports"), Merger::portKey,
            pattern("services.*.volumes"), volume -> ((VolumeSpec) volume).target(),
            pattern("services.*.extra_hosts"), Function.identity(),
            pattern("services.*.env_file"), envFile -> ((EnvFileRef) envFile).path(),
            pattern("services.*.cap_add"), Merger::keyOfKeyValue,
            pattern("services.*.cap_drop"), Merger::keyOfKeyValue,
            pattern("services.*.tmpfs"), Merger::keyOfKeyValue,
            pattern("services.*.configs"), config -> ((ConfigMount) config).containerPath());

    private Merger() {
    }

    /** Merges the documents in order and then applies the uniqueness rules. */
    static Map<String, Object> merge(List<CanonicalDocument> documents) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (CanonicalDocument document : documents) {
            for (List<String> path : document.replaced()) {
                merged = without(merged, path);
            }
            merged = mergeMaps(merged, document.root(), "");
        }
        return RawTypes.asMap(unique(merged, ""));
    }

    /** A copy of the tree without the key at path; list items are never removed (as in compose-go). */
    private static Map<String, Object> without(Map<String, Object> tree, List<String> path) {
        String key = path.get(0);
        if (!tree.containsKey(key)) {
            return tree;
        }
        Map<String, Object> copy = new LinkedHashMap<>(tree);
        if (path.size() == 1) {
            copy.remove(key);
        } else if (copy.get(key) instanceof Map<?, ?> child) {
            copy.put(key, without(RawTypes.asMap(child), path.subList(1, path.size())));
        }
        return copy;
    }

    private static Object merge(Object base, Object override, String path) {
        if (REPLACED.stream().anyMatch(p -> p.matcher(path).matches())) {
            return override;
        }
        if (base instanceof Map<?, ?> baseMap && override instanceof Map<?, ?> overrideMap) {
            return mergeMaps(RawTypes.asMap(baseMap), RawTypes.asMap(overrideMap), path);
        }
        if (base instanceof List<?> baseList && override instanceof List<?> overrideList) {
            List<Object> appended = new ArrayList<>(baseList);
            appended.addAll(overrideList);
            return appended;
        }
        return override;
    }

    private static Map<String, Object> mergeMaps(Map<String, Object> base, Map<String, Object> override, String path) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        override.forEach((key, value) -> result.put(key, result.containsKey(key)
                ? merge(result.get(key), value, RawFile.Paths.key(path, key))
                : value));
        return result;
    }

    private static Object unique(Object node, String path) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            RawTypes.asMap(map).forEach((key, value) -> result.put(key, unique(value, RawFile.Paths.key(path, key))));
            return result;
        }
        if (node instanceof List<?> list) {
            return UNIQUE_BY.entrySet().stream()
                    .filter(rule -> rule.getKey().matcher(path).matches())
                    .findFirst()
                    .map(rule -> uniqueBy(list, rule.getValue()))
                    .orElseGet(() -> new ArrayList<>(list));
        }
        return node;
    }

    private static List<Object> uniqueBy(List<?> list, Function<Object, Object> key) {
        Map<Object, Object> byKey = new LinkedHashMap<>();
        list.forEach(item -> byKey.put(key.apply(item), item));
        return new ArrayList<>(byKey.values());
    }

    /** "K=V" entries are the same entry when their K is (compose-go's keyValueIndexer). */
    private static Object keyOfKeyValue(Object entry) {
        String text = (String) entry;
        int eq = text.indexOf('=');
        return eq < 0 ? text : text.substring(0, eq);
    }

    /** host_ip (default 0.0.0.0), published, target, protocol. */
    private static Object portKey(Object port) {
        PortSpec p = (PortSpec) port;
        return (p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp()) + ":" + p.published() + ":" + p.target() + "/" + p.protocol();
    }

    /** "services.*.command" matches any service name in place of *. */
    private static Pattern pattern(String path) {
        return Pattern.compile(Pattern.quote(path).replace("*", "\\E[^.]+\\Q"));
    }
}
