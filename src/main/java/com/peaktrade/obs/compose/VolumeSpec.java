package com.peaktrade.obs.compose;

/**
 * One service mount. {@code type} is "bind" (source = absolute host path), "volume" (source =
 * the volume's key, null for an anonymous volume) or "tmpfs" (no source; {@code tmpfs} holds its
 * options, or null).
 * <p>
 * For binds, {@code bindOptions} says whether a {@code bind:} section exists (short syntax gets
 * one, as in compose-go) and {@code createHostPath} is its {@code create_host_path}. A section
 * without create_host_path makes docker compose use Docker's Mount API, which refuses a missing
 * source instead of creating an empty directory: see {@link #requiresMountApi()}.
 */
public record VolumeSpec(String type, String source, String target, boolean readOnly, boolean createHostPath,
        boolean bindOptions, TmpfsOptions tmpfs) {
    public static final String BIND = "bind";
    public static final String VOLUME = "volume";
    public static final String TMPFS = "tmpfs";

    public VolumeSpec(String type, String source, String target, boolean readOnly) {
        this(type, source, target, readOnly, false);
    }

    /** A short-syntax bind has a bind section with create_host_path: true; a long one without bind: has none. */
    public VolumeSpec(String type, String source, String target, boolean readOnly, boolean createHostPath) {
        this(type, source, target, readOnly, createHostPath, createHostPath, null);
    }

    public boolean isBind() {
        return BIND.equals(type);
    }

    public boolean isTmpfs() {
        return TMPFS.equals(type);
    }

    public boolean isAnonymous() {
        return VOLUME.equals(type) && source == null;
    }

    /** {@code bind:} given without {@code create_host_path: true}: the engine must refuse a missing source. */
    public boolean requiresMountApi() {
        return isBind() && bindOptions && !createHostPath;
    }

    VolumeSpec withSource(String newSource) {
        return new VolumeSpec(type, newSource, target, readOnly, createHostPath, bindOptions, tmpfs);
    }
}
