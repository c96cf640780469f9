package com.peaktrade.obs.compose;

import java.util.List;

/** The resolved project plus warnings (unset variables, ignored keys), each a full sentence. */
public record LoadResult(ComposeProject project, List<String> warnings) {
    public LoadResult {
        warnings = List.copyOf(warnings);
    }
}
