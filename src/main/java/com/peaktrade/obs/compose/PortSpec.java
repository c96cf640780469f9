package com.peaktrade.obs.compose;

/**
 * One published container port in long syntax. {@code hostIp} "" means all interfaces,
 * {@code published} "" means a random host port (it may be a range "9000-9010" when a host range
 * maps to one container port). {@code mode} is "ingress" unless the file says otherwise; a plain
 * engine ignores it, but docker compose hashes it.
 */
public record PortSpec(String hostIp, String published, int target, String protocol, String mode) {
    public static final String INGRESS = "ingress";

    public PortSpec(String hostIp, String published, int target, String protocol) {
        this(hostIp, published, target, protocol, INGRESS);
    }
}
