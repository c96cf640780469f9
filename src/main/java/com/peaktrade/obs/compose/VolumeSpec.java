package com.peaktrade.obs.compose;

/**
 * One service mount. {@code type} is "bind" (source = absolute host path) or "volume" (source =
 * the volume's key, null for an anonymous volume). {@code createHostPath} is true for short-syntax
 * binds, where Docker would create a missing source directory. {@code typeOptions} says whether
 * compose's model holds the {@code bind:}/{@code volume:} options object for this mount: short
 * syntax always does (a bind's create_host_path, an empty one for a volume), long syntax when the
 * file writes it. It changes nothing at run time, but docker compose hashes it.
 */
public record VolumeSpec(String type, String source, String target, boolean readOnly, boolean createHostPath,
        boolean typeOptions) {
    public static final String BIND = "bind";
    public static final String VOLUME = "volume";

    public VolumeSpec {
        typeOptions = typeOptions || createHostPath;
    }

    /** Long syntax without an options object (create_host_path false). */
    public VolumeSpec(String type, String source, String target, boolean readOnly) {
        this(type, source, target, readOnly, false, false);
    }

    /** The mount with another source (e.g. resolved to an absolute path), everything else kept. */
    public VolumeSpec withSource(String newSource) {
        return new VolumeSpec(type, newSource, target, readOnly, createHostPath, typeOptions);
    }

    public boolean isBind() {
        return BIND.equals(type);
    }

    public boolean isAnonymous() {
        return VOLUME.equals(type) && source == null;
    }
}
