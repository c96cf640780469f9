package com.peaktrade.obs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** A copy of the repository's assets (compose/, prometheus/, grafana/) for a test to change. */
public final class RepositoryAssets {
    private RepositoryAssets() {
    }

    /** Copies the assets of the working directory (the checkout) into {@code dest}; returns {@code dest}. */
    public static Path copyTo(Path dest) throws IOException {
        for (String folder : List.of("compose", "prometheus", "grafana")) {
            copyTree(Path.of(folder), dest.resolve(folder));
        }
        return dest;
    }

    /** Copies the tree {@code from} into {@code to} (created as needed, files replaced). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Makes every file under {@code root} readable (and directories searchable) by the containers' users. */
    public static void readableByContainers(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                p.toFile().setReadable(true, false);
                if (Files.isDirectory(p)) {
                    p.toFile().setExecutable(true, false);
                }
            }
        }
    }
}
