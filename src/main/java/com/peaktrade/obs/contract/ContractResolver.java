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
        Path dir = assets.get().dir();
        if (Files.isRegularFile(dir.resolve(Contract.FILE_NAME))) {
            return loader.loadFromAssets(dir, "assets directory from " + assets.get().source());
        }
        return loader.loadEmbedded("no " + Contract.FILE_NAME + " in " + dir + ", the assets directory from "
                + assets.get().source());
    }
}
