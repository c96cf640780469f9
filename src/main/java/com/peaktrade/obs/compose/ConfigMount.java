package com.peaktrade.obs.compose;

/**
 * A service {@code configs:} entry: which top-level config, where in the container ({@code target}
 * as written, null = {@code /<source>}), and owner and mode of the copied file (null = root, 0444).
 */
public record ConfigMount(String source, String target, String uid, String gid, Integer mode) {
    static final int DEFAULT_MODE = 0444;

    /** The absolute path in the container: {@code /<source>} by default, relative targets start at {@code /}. */
    public String containerPath() {
        if (target == null || target.isEmpty()) {
            return "/" + source;
        }
        return target.startsWith("/") ? target : "/" + target;
    }

    public int effectiveMode() {
        return mode == null ? DEFAULT_MODE : mode;
    }
}
