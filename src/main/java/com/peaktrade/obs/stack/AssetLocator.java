package com.peaktrade.obs.stack;

import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.EnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the stacks' assets (compose/, prometheus/, grafana/) come from: --assets-dir, else the
 * current directory when it is a checkout with those folders, else the copy embedded in the jar,
 * extracted once per content hash into the state directory so Docker can bind-mount real files.
 */
public final class AssetLocator {
    /** The folders that make up an assets directory; a checkout must have all of them. */
    public static final List<String> FOLDERS = List.of("compose", "prometheus", "grafana");
    static final String EMBEDDED_ROOT = "assets";

    private AssetLocator() {
    }

    /** Where the assets are and how they were chosen. */
    public record Assets(Path dir, String source) {
    }

    public static Assets locate(Path explicitDir, Path workingDir, Map<String, String> env) {
        return onDisk(explicitDir, workingDir).orElseGet(() -> new Assets(extractEmbedded(stateDir(env)), "embedded copy"));
    }

    /**
     * --assets-dir, else the working directory when it is a checkout; empty when only the embedded
     * copy remains (nothing is extracted here).
     */
    public static Optional<Assets> onDisk(Path explicitDir, Path workingDir) {
        if (explicitDir != null) {
            Path dir = explicitDir.toAbsolutePath().normalize();
            List<String> missing = missingFolders(dir);
            if (!missing.isEmpty()) {
                throw new ConfigException("--assets-dir " + dir + " lacks " + String.join(", ", missing),
                        "point it at a directory with compose/, prometheus/ and grafana/ (like the repository root)");
            }
            return Optional.of(new Assets(dir, "--assets-dir"));
        }
        Path cwd = workingDir.toAbsolutePath().normalize();
        if (missingFolders(cwd).isEmpty() && Files.isRegularFile(cwd.resolve("compose/prometheus-local.yaml"))) {
            return Optional.of(new Assets(cwd, "checkout " + cwd));
        }
        return Optional.empty();
    }

    static List<String> missingFolders(Path dir) {
        return FOLDERS.stream().filter(f -> !Files.isDirectory(dir.resolve(f))).toList();
    }

    /** ${XDG_STATE_HOME:-~/.local/state}/peaktrade-obs. */
    public static Path stateDir(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg == null || xdg.isBlank()
                ? Path.of(System.getProperty("user.home"), ".local", "state") : Path.of(xdg);
        return base.resolve("peaktrade-obs");
    }

    /**
     * Extracts the embedded assets into stateDir/assets-HASH unless that exists; atomic (temp dir
     * then rename), so a crash never leaves a half-written directory that later runs would trust.
     */
    static Path extractEmbedded(Path stateDir) {
        try {
            return withEmbeddedRoot(root -> {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(root)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                String hash = contentHash(root, files);
                Path target = stateDir.resolve("assets-" + hash);
                if (Files.isDirectory(target)) {
                    if (hash.equals(contentHashOf(target))) {
                        return target;
                    }
                    // edited by hand or half-deleted: never mount it; extract a clean copy again
                    discard(target, stateDir);
                }
                Files.createDirectories(stateDir);
                Path tmp = Files.createTempDirectory(stateDir, ".assets-tmp-");
                for (Path file : files) {
                    Path dest = tmp.resolve(root.relativize(file).toString());
                    Files.createDirectories(dest.getParent());
                    try (InputStream in = Files.newInputStream(file)) {
                        Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                makeReadableByContainers(tmp);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException e) {
                    if (!Files.isDirectory(target)) {
                        throw e;
                    }
                    // another run extracted the same content first: use theirs
                } catch (IOException e) {
                    if (!Files.isDirectory(target)) {
                        throw e;
                    }
                }
                return target;
            });
        } catch (IOException | UncheckedIOException e) {
            throw new EnvironmentException("cannot extract the embedded assets into " + stateDir + ": " + e.getMessage(),
                    "make that directory writable, set XDG_STATE_HOME, or use --assets-dir", e);
        }
    }

    private static String contentHashOf(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return contentHash(dir, walk.filter(Files::isRegularFile).sorted().toList());
        }
    }

    private static void discard(Path dir, Path stateDir) throws IOException {
        Path aside = Files.createTempDirectory(stateDir, ".assets-stale-");
        Files.move(dir, aside.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
        try (Stream<Path> walk = Files.walk(aside)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Grafana runs as uid 472 and Prometheus as nobody: mounted files must be world-readable. */
    private static void makeReadableByContainers(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                try {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                } catch (UnsupportedOperationException notPosix) {
                    return;
                }
            }
        }
    }

    private static String contentHash(Path root, List<Path> files) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(root.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private interface RootAction<T> {
        T apply(Path root) throws IOException;
    }

    /** Opens the embedded assets root, whether we run from a jar or from a classes directory. */
    private static <T> T withEmbeddedRoot(RootAction<T> action) throws IOException {
        URL marker = AssetLocator.class.getResource("/" + EMBEDDED_ROOT + "/compose/prometheus-local.yaml");
        if (marker == null) {
            throw new IOException("this build has no embedded assets (resource /" + EMBEDDED_ROOT + " missing)");
        }
        URI uri;
        try {
            uri = marker.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                return action.apply(fs.getPath("/" + EMBEDDED_ROOT));
            }
        }
        return action.apply(Path.of(uri).getParent().getParent());
    }
}
