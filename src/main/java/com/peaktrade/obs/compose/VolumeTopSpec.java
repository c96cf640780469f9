package com.peaktrade.obs.compose;

import java.util.Map;

/** A top-level named volume: its key in the file and the Docker name ({@code <project>_<key>} unless set). */
public record VolumeTopSpec(String key, String name, String driver, boolean external, Map<String, String> labels) {
    public VolumeTopSpec {
        labels = Map.copyOf(labels);
    }
}
