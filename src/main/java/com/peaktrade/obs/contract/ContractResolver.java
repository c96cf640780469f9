package com.peaktrade.obs.contract;

import com.peaktrade.obs.stack.AssetLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which contract is in force: {@code --contract FILE}, else {@code peaktrade-obs.yaml} in the assets
 * directory (--assets-dir, or the working directory when it is a checkout), else the embedded
 * default. {@link Contract#origin()} says which, and why.
 */
public final class ContractResolver {
    /** What the command line gave (null = not given). */
    public record Request(Path contractFile, Path assetsDir, Path workingDir) {
    }

    private ContractResolver() {
    }

    public static Contract resolve(Request request, ContractLoader loader) {
        if (request.contractFile() != null) {
            return loader.load(request.contractFile());
        }
        Optional<AssetLocator.Assets> assets = AssetLocator.onDisk(request.assetsDir(), request.workingDir());
        if (assets.isEmpty()) {
            return loader.loadEmbedded("no --contract, no --assets-dir, and " + request.workingDir().toAbsolutePath().normalize()
                    + " is not a checkout");
        }
        return fromDirectory(assets.get().dir(), assets.get().source(), loader);
    }

    /**
     * The same order for a command that reads a directory of any layout (lint: without compose/ as
     * well): {@code contractFile}, else {@code peaktrade-obs.yaml} in {@code dir}, else the embedded default.
     */
    public static Contract resolveInDirectory(Path contractFile, Path dir, ContractLoader loader) {
        if (contractFile != null) {
            return loader.load(contractFile);
        }
        return fromDirectory(dir.toAbsolutePath().normalize(), "--assets-dir", loader);
    }

    /** {@code source}: how the directory was chosen ("--assets-dir", "checkout /repo"). */
    private static Contract fromDirectory(Path dir, String source, ContractLoader loader) {
        if (Files.isRegularFile(dir.resolve(Contract.FILE_NAME))) {
            return loader.loadFromAssets(dir, "assets directory from " + source);
        }
        return loader.loadEmbedded("no " + Contract.FILE_NAME + " in " + dir + ", the assets directory from " + source);
    }
}
