package com.peaktrade.obs.compose;

/**
 * One service mount. {@code type} is "bind" (source = absolute host path) or "volume" (source =
 * the volume's key, null for an anonymous volume). {@code createHostPath} is true for short-syntax
 * binds, where Docker would create a missing source directory.
 */
public record VolumeSpec(String type, String source, String target, boolean readOnly, boolean createHostPath) {
    public static final String BIND = "bind";
    public static final String VOLUME = "volume";

    public VolumeSpec(String type, String source, String target, boolean readOnly) {
        this(type, source, target, readOnly, false);
    }

    public boolean isBind() {
        return BIND.equals(type);
    }

    public boolean isAnonymous() {
        return VOLUME.equals(type) && source == null;
    }
}
