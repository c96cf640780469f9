package com.peaktrade.obs.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** A program an integration test needs: on CI (CI=true) its absence fails the test, elsewhere it skips it. */
public final class RequiredTool {
    private RequiredTool() {
    }

    public static Path require(String path, String debianPackage) {
        Path tool = Path.of(path);
        boolean present = Files.isExecutable(tool);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(path + " is missing on CI: .ci/run installs " + debianPackage);
        }
        assumeTrue(present, path + " is not installed (apt-get install " + debianPackage + ")");
        return tool;
    }
}
