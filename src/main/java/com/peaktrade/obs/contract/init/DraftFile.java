package com.peaktrade.obs.contract.init;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractException;
import com.peaktrade.obs.contract.ContractLoader;
import com.peaktrade.obs.error.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writes a drafted contract to its file without ever losing what was there: an existing file is
 * kept unless the user forces it, and then saved as FILE.bak first; the draft goes to a temporary
 * file beside it, must load as a contract, and only then takes the file's place.
 */
public final class DraftFile {
    /** What was written; {@code backup} is where the replaced file went, if one was replaced. */
    public record Written(Contract contract, Optional<Path> backup) {
    }

    private DraftFile() {
    }

    public static Written write(Path file, String text, boolean force, ContractLoader loader) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("-o " + file + " is a directory", "name the contract file, e.g. -o " + file.resolve(Contract.FILE_NAME));
        }
        if (Files.exists(file) && !force) {
            throw new ConfigException("-o " + file + " exists: not overwritten",
                    "write elsewhere and compare, or pass --force to replace it (the old file is kept as " + file.getFileName() + ".bak)");
        }
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".draft");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Contract contract = loader.load(temporary);
            Optional<Path> backup = Optional.empty();
            if (Files.exists(file)) {
                Path bak = file.resolveSibling(file.getFileName() + ".bak");
                Files.copy(file, bak, StandardCopyOption.REPLACE_EXISTING);
                backup = Optional.of(bak);
            }
            move(temporary, file);
            temporary = null;
            return new Written(contract, backup);
        } catch (ContractException e) {
            throw new IllegalStateException("contract init drafted a contract that does not load (a bug): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot write " + file + ": " + e.getMessage(), "choose a writable place with -o");
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
