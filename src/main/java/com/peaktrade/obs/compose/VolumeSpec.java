package com.peaktrade.obs.compose;

/**
 * One service mount. {@code type} is "bind" (source = absolute host path), "volume" (source =
 * the volume's key, null for an anonymous volume) or "tmpfs" (no source; {@code tmpfs} holds its
 * options, or null).
 * <p>
 * {@code typeOptions} says whether compose's model holds the options object of the mount's type
 * ({@code bind:}, {@code volume:} or {@code tmpfs:}): short syntax always does (a bind's
 * create_host_path, an empty one for a volume), long syntax when the file writes it. Docker
 * compose hashes it, and for a bind it matters at run time: a {@code bind:} section without
 * {@code create_host_path: true} makes compose use Docker's Mount API, which refuses a missing
 * source instead of creating an empty directory (see {@link #requiresMountApi()}).
 */
public record VolumeSpec(String type, String source, String target, boolean readOnly, boolean createHostPath,
        boolean typeOptions, TmpfsOptions tmpfs) {
    public static final String BIND = "bind";
    public static final String VOLUME = "volume";
    public static final String TMPFS = "tmpfs";

    public VolumeSpec {
        typeOptions = typeOptions || createHostPath || tmpfs != null;
    }

    /** Long syntax without an options object (create_host_path false). */
    public VolumeSpec(String type, String source, String target, boolean readOnly) {
        this(type, source, target, readOnly, false, false, null);
    }

    /** A bind or volume mount, with or without its options object. */
    public VolumeSpec(String type, String source, String target, boolean readOnly, boolean createHostPath,
            boolean typeOptions) {
        this(type, source, target, readOnly, createHostPath, typeOptions, null);
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
        return isBind() && typeOptions && !createHostPath;
    }

    /** The mount with another source (e.g. resolved to an absolute path), everything else kept. */
    public VolumeSpec withSource(String newSource) {
        return new VolumeSpec(type, newSource, target, readOnly, createHostPath, typeOptions, tmpfs);
    }
}
