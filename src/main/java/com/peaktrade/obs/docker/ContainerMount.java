package com.peaktrade.obs.docker;

/**
 * One mount of a container as the engine reports it.
 *
 * @param type   bind, volume or tmpfs; or copy: files of this machine copied into the container
 *               because the engine runs on another one ({@code up} on a remote engine)
 * @param source the host path of a bind, the volume name of a volume, the path on this machine of a copy
 * @param target the path inside the container
 */
public record ContainerMount(String type, String source, String target, boolean readOnly) {
    static final String COPY = "copy";

    public boolean isBind() {
        return "bind".equals(type);
    }

    public boolean isCopy() {
        return COPY.equals(type);
    }

    /** "ro" or "rw". */
    public String mode() {
        return readOnly ? "ro" : "rw";
    }
}
