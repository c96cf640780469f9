package com.peaktrade.obs.docker;

/**
 * One mount of a container as the engine reports it.
 *
 * @param type   bind, volume or tmpfs
 * @param source the host path of a bind, the volume name of a volume
 * @param target the path inside the container
 */
public record ContainerMount(String type, String source, String target, boolean readOnly) {

    public boolean isBind() {
        return "bind".equals(type);
    }

    /** "ro" or "rw". */
    public String mode() {
        return readOnly ? "ro" : "rw";
    }
}
