package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractResolver;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --contract FILE}, shared by up, verify, status, down, debug and lint: the contract in force
 * is this file, else peaktrade-obs.yaml in the assets directory, else the embedded default.
 */
final class ContractOption {
    @Option(names = "--contract", paramLabel = "FILE",
            description = "The contract to check against (default: peaktrade-obs.yaml in the assets directory, else the "
                    + "embedded one; format: docs/contract.md).")
    Path file;

    /** The contract in force; a broken one is a ContractException (exit 2, every problem with file:line). */
    Contract resolve(Path assetsDir) {
        return ContractResolver.resolve(new ContractResolver.Request(file, assetsDir, Path.of("")), ContractCommand.loader());
    }
}
