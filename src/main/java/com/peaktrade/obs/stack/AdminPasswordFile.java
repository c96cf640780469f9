package com.peaktrade.obs.stack;

import com.peaktrade.obs.error.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/**
 * The Grafana admin password a local stack was given when nobody chose one (SPEC §6): random, kept
 * alone on one line in {@code ${XDG_STATE_HOME:-~/.local/state}/peaktrade-obs/<project>/grafana-admin-password}
 * (mode 0600), reused by every later {@code up} and found there by verify and debug, until
 * {@code down --volumes} removes it together with the Grafana volume that holds it.
 */
public final class AdminPasswordFile {
    static final String NAME = "grafana-admin-password";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    private AdminPasswordFile(Path file) {
        this.file = file;
    }

    public static AdminPasswordFile of(Map<String, String> env, String project) {
        return new AdminPasswordFile(AssetLocator.stateDir(env).resolve(project).resolve(NAME));
    }

    public Path path() {
        return file;
    }

    /** The stored password, if the file exists. */
    public Optional<String> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(StackSettings.readPassword(file));
    }

    /** The stored password, or a new random one stored first (0600, created atomically). */
    public String readOrCreate() {
        Optional<String> existing = read();
        if (existing.isPresent()) {
            return existing.get();
        }
        String password = random();
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return password;
        } catch (FileAlreadyExistsException raced) {
            return StackSettings.readPassword(file);
        } catch (IOException e) {
            throw new EnvironmentException("cannot store the generated Grafana password in " + file + ": " + e.getMessage(),
                    "make that directory writable, set XDG_STATE_HOME, or give a password with --grafana-password-file", e);
        }
    }

    /** Removes the stored password (down --volumes); true when there was one. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new EnvironmentException("cannot remove " + file + ": " + e.getMessage(), "remove it by hand", e);
        }
    }

    static String random() {
        StringBuilder out = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
