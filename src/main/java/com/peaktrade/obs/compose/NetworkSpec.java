package com.peaktrade.obs.compose;

import java.util.Map;

/** A top-level network: its key in the file and the Docker name ({@code <project>_<key>} unless set). */
public record NetworkSpec(String key, String name, String driver, boolean external, Map<String, String> labels) {
    public NetworkSpec {
        labels = Map.copyOf(labels);
    }
}
