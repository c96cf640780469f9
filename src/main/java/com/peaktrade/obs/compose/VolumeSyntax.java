package com.peaktrade.obs.compose;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Short volume syntax {@code [SRC:]TARGET[:OPTS]}: a source starting with {@code .}, {@code /} or
 * {@code ~} is a bind (with create_host_path, as compose does), any other source a named volume,
 * no source an anonymous volume. The source stays as written; the loader resolves paths later.
 * Short syntax always carries compose's options object ({@link VolumeSpec#typeOptions()}).
 */
final class VolumeSyntax {
    private VolumeSyntax() {
    }

    static VolumeSpec parse(String spec) {
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("invalid empty volume spec");
        }
        String[] parts = spec.split(":", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("invalid spec: " + spec + ": too many colons");
        }
        if (parts.length == 1) {
            return new VolumeSpec(VolumeSpec.VOLUME, null, target(parts[0], spec), false, false, true);
        }
        String source = parts[0];
        String target = target(parts[1], spec);
        List<String> options = parts.length == 3 ? Arrays.asList(parts[2].split(",")) : List.of();
        boolean readOnly = options.contains("ro");
        if (source.isEmpty()) {
            throw new IllegalArgumentException("invalid spec: " + spec + ": empty section between colons");
        }
        return isPath(source)
                ? new VolumeSpec(VolumeSpec.BIND, source, target, readOnly, true, true)
                : new VolumeSpec(VolumeSpec.VOLUME, source, target, readOnly, false, true);
    }

    static boolean isPath(String source) {
        return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
    }

    /** An absolute target, cleaned like Go's path.Clean as compose does ("/data/" is "/data"). */
    static String target(String target, String spec) {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("invalid mount target \"" + target + "\" in " + spec + ": must be an absolute path");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : target.split("/")) {
            if (part.equals("..")) {
                parts.pollLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
