package com.peaktrade.obs.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.ConfigMount;
import com.peaktrade.obs.compose.ConfigSpec;
import com.peaktrade.obs.compose.ServiceSpec;
import com.peaktrade.obs.compose.VolumeSpec;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The stack's files for an engine on another machine: a bind mount names a path on the engine's
 * host, where this machine's files do not exist (Docker would create an empty root-owned directory,
 * and Grafana would start without datasources or dashboards). So each bind of a local file or
 * directory, and each file config, is copied into the created container instead (the Engine API's
 * archive upload, before start), read-only for the container's users: files 0444 (0555 when
 * executable here), directories 0555, owned by root. A bind of anything else (a socket, a device,
 * a path that only the remote has) stays a bind.
 */
final class FileCopies {
    /** On the container: what was copied from where, as JSON [{"source": …, "target": …}], for `debug mounts`. */
    static final String LABEL = "org.peaktrade.obs.copied";

    /** One local file or directory, copied to {@code target} in the container. */
    record Copy(Path source, String target) {
    }

    private FileCopies() {
    }

    /** What of {@code service} is copied instead of bind-mounted. */
    static List<Copy> of(ComposeProject project, ServiceSpec service) {
        List<Copy> copies = new ArrayList<>();
        for (VolumeSpec v : service.volumes()) {
            if (v.isBind() && v.source() != null) {
                Path source = Path.of(v.source());
                if (Files.isRegularFile(source) || Files.isDirectory(source)) {
                    copies.add(new Copy(source, v.target()));
                }
            }
        }
        for (ConfigMount config : service.configs()) {
            ConfigSpec spec = project.configs().get(config.source());
            if (spec != null && !spec.isCopied()) {
                copies.add(new Copy(spec.file(), config.containerPath()));
            }
        }
        return copies;
    }

    /**
     * The container's config hash: compose's for the service, and with copies also their content,
     * so a changed file recreates the container and is copied again on the next `up`.
     */
    static String configHash(ServiceSpec service, List<Copy> copies) {
        if (copies.isEmpty()) {
            return service.configHash();
        }
        MessageDigest digest = sha256();
        digest.update(service.configHash().getBytes(StandardCharsets.UTF_8));
        for (Copy copy : copies) {
            digest.update(archive(copy));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The label's value. */
    static String label(List<Copy> copies) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (Copy copy : copies) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("source", copy.source().toString());
            entry.put("target", copy.target());
            entries.add(entry);
        }
        try {
            return Json.MAPPER.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings always serialise", e);
        }
    }

    /** The copies a container's label lists; none when it has no (readable) label. */
    static List<Copy> fromLabel(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            List<Copy> copies = new ArrayList<>();
            for (JsonNode entry : Json.MAPPER.readTree(value)) {
                copies.add(new Copy(Path.of(Json.text(entry, "source", "")), Json.text(entry, "target", "")));
            }
            return copies;
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }

    /**
     * A tar of the copy, to extract at "/": the target (a directory entry and everything under it,
     * or one file), without parent entries, so the image's own directories keep their modes.
     * Entries are written in a fixed order with a fixed time, so equal files give equal bytes.
     */
    static byte[] archive(Copy copy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String target = copy.target().replaceFirst("^/+", "").replaceFirst("/+$", "");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
                Stream<Path> walk = Files.walk(copy.source(), FileVisitOption.FOLLOW_LINKS)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path file : walk.sorted().toList()) {
                String relative = copy.source().relativize(file).toString().replace('\\', '/');
                String name = relative.isEmpty() ? target : target + "/" + relative;
                boolean directory = Files.isDirectory(file);
                TarArchiveEntry entry = new TarArchiveEntry(directory ? name + "/" : name);
                entry.setModTime(new Date(0));
                entry.setMode((directory || Files.isExecutable(file) ? 0555 : 0444) | (directory ? 040000 : 0100000));
                if (directory) {
                    tar.putArchiveEntry(entry);
                } else {
                    byte[] bytes = Files.readAllBytes(file);
                    entry.setSize(bytes.length);
                    tar.putArchiveEntry(entry);
                    tar.write(bytes);
                }
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new ConfigException("cannot read " + copy.source() + " to copy it into the container (" + copy.target() + "): "
                    + e.getMessage(), "make it readable, or fix the path in the compose file", e);
        }
        return out.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
