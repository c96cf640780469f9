package com.peaktrade.obs.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The compose corpus under src/test/resources/compose/corpus: one directory per case with its
 * compose files ({@code files} lists them in -f order, else compose.yaml), the shell environment
 * ({@code shell.env}) and docker compose v2's recorded answer (expected.json or expected.error,
 * written by scripts/record-compose-v2.sh). Read from the source tree, not the classpath: the
 * stack cases name the repository's own compose/ files by relative path.
 */
public record ComposeCorpus(String name, Path dir) {
    public static final Path ROOT = Path.of("src/test/resources/compose/corpus").toAbsolutePath();
    /** The repository root; recorded outputs write it as ${REPO}. */
    public static final Path REPO = Path.of("").toAbsolutePath();
    public static final String HOME = "/home/tester";

    public static Stream<ComposeCorpus> all() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).sorted().map(d -> new ComposeCorpus(d.getFileName().toString(), d))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ComposeCorpus named(String name) {
        return new ComposeCorpus(name, ROOT.resolve(name));
    }

    public List<Path> files() {
        Path list = dir.resolve("files");
        return Files.exists(list) ? lines(list).stream().map(dir::resolve).toList() : List.of(dir.resolve("compose.yaml"));
    }

    /** HOME=/home/tester plus shell.env, as the recording ran compose ({@code env -i}). */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(Map.of("HOME", HOME));
        Path shell = dir.resolve("shell.env");
        if (Files.exists(shell)) {
            lines(shell).forEach(line -> env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        }
        return env;
    }

    public LoadResult load() {
        return new ComposeLoader().load(new LoadRequest(files(), null, environment(), null));
    }

    public boolean composeRefuses() {
        return Files.exists(dir.resolve("expected.error"));
    }

    public String recorded(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
