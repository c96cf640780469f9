package com.peaktrade.obs.compose;

import java.nio.file.Path;

/**
 * A top-level {@code configs:} entry: exactly one of {@code file} (absolute), {@code content}
 * (inline text, variables substituted) or {@code environment} (the variable whose value is the
 * content; {@code content} then holds that value, or null when the variable is unset).
 * {@code name} is {@code <project>_<key>} unless set.
 */
public record ConfigSpec(String key, String name, Path file, String content, String environment) {

    /** Delivered by copying into the container (docker compose v2 does the same); a file is bind-mounted. */
    public boolean isCopied() {
        return file == null;
    }
}
