package com.peaktrade.obs.compose;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One document in canonical form (see {@link Canonicalizer}) and the key paths it tagged
 * {@code !reset}/{@code !override}, whose values from earlier documents the merge drops.
 */
record CanonicalDocument(Map<String, Object> root, Set<List<String>> replaced) {
    CanonicalDocument {
        replaced = Set.copyOf(replaced);
    }
}
