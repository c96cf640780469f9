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
            try (Stream<Path> walk = Files.walk(Path.of(folder))) {
                for (Path p : walk.toList()) {
                    Path target = dest.resolve(p.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return dest;
    }
}
