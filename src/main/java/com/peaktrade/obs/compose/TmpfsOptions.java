package com.peaktrade.obs.compose;

/**
 * Options of a long-syntax {@code type: tmpfs} volume: size in bytes ({@code tmpfs.size}, units
 * like {@code 10m} already multiplied out) and the file mode ({@code tmpfs.mode}); null = engine default.
 */
public record TmpfsOptions(Long sizeBytes, Integer mode) {
}
