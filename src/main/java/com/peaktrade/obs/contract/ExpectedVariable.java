package com.peaktrade.obs.contract;

import java.util.Optional;
import java.util.Set;

/**
 * A template variable a dashboard must declare.
 *
 * @param kind  its Grafana variable type (query, custom, datasource, …), when given
 * @param query its query (for custom: the comma-separated values), when given; compared ignoring whitespace
 */
public record ExpectedVariable(String name, Optional<String> kind, Optional<String> query, Where where) {
    /** Grafana's template variable types. */
    public static final Set<String> KINDS = Set.of("query", "custom", "datasource", "constant", "textbox", "interval",
            "adhoc", "groupby", "switch");
}
