package com.peaktrade.obs.contract;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the contract in force came from.
 *
 * @param file      the file as shown in errors and evidence ({@code file:line})
 * @param directory the directory its relative paths resolve against; empty for the embedded
 *                  contract, whose paths resolve against the assets directory in use
 * @param detail    why this one, for {@code contract show} (e.g. "no peaktrade-obs.yaml in /repo")
 */
public record ContractOrigin(Kind kind, String file, Optional<Path> directory, String detail) {

    public enum Kind {
        /** --contract FILE. */
        OPTION,
        /** peaktrade-obs.yaml in the assets directory (a checkout or --assets-dir). */
        ASSETS,
        /** the copy in the jar. */
        EMBEDDED
    }

    /** One line: "--contract team.yaml", "… (embedded default: no peaktrade-obs.yaml in /repo)". */
    public String describe() {
        return switch (kind) {
            case OPTION -> "--contract " + file;
            case ASSETS -> file + " (" + detail + ")";
            case EMBEDDED -> "embedded default" + (detail.isEmpty() ? "" : " (" + detail + ")");
        };
    }

    /** A path of the contract (a compose file) as a file: against its directory, else {@code assetsDir}. */
    public Path resolve(String relative, Path assetsDir) {
        return directory.orElse(assetsDir).resolve(relative).normalize();
    }
}
