package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.stack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our config-hash against the one docker compose 2.40.3 computed for the same files
 * (src/test/resources/compose/hash: cases.txt, hashes.txt by scripts/record-compose-hashes.sh).
 */
class ServiceConfigHashTest {
    private static final Path CORPUS = Path.of("src/test/resources/compose/hash");
    /** Where the recording script copies each case too: bind sources are absolute and hashed. */
    private static final Path STAGE = Path.of("/tmp/ptobs-config-hash");

    /** One line of cases.txt. */
    record Case(String name, Path dir, List<String> files, Map<String, String> environment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        return Files.readAllLines(CORPUS.resolve("cases.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\\|", -1))
                .map(cols -> new Case(cols[0].strip(), Path.of(cols[1].strip()), words(cols[2]), environment(cols[3])))
                .toList();
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.strip().split("\\s+"));
    }

    private static Map<String, String> environment(String text) {
        Map<String, String> environment = new HashMap<>(Map.of("HOME", "/home/tester"));
        words(text).forEach(word -> environment.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1)));
        return environment;
    }

    /** case name → service → hash, as docker compose printed them. */
    private static Map<String, Map<String, String>> recorded() throws IOException {
        return Files.readAllLines(CORPUS.resolve("hashes.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split(" "))
                .collect(Collectors.groupingBy(cols -> cols[0], TreeMap::new,
                        Collectors.toMap(cols -> cols[1], cols -> cols[2], (a, b) -> b, TreeMap::new)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyServiceHashesExactlyAsDockerComposeRecordedIt(Case corpusCase) throws IOException {
        ComposeProject project = load(corpusCase);
        Map<String, String> ours = new TreeMap<>();
        project.services().forEach((name, service) -> ours.put(name, service.configHash()));

        assertThat(ours).as(() -> "the JSON we hash:\n" + project.services().values().stream()
                .map(s -> s.name() + " " + ServiceConfigHash.json(s)).collect(Collectors.joining("\n")))
                .isEqualTo(recorded().get(corpusCase.name()));
    }

    @Test
    void theCorpusHoldsBothStacksWithTheFilesTheToolCombines() throws IOException {
        Map<String, List<String>> files = cases().stream().collect(Collectors.toMap(Case::name, Case::files));
        assertThat(files.get("stack-shadow")).isEqualTo(Stack.SHADOW.composeFiles()); // the embedded contract's
        assertThat(files.get("stack-grafana")).isEqualTo(Stack.GRAFANA.composeFiles());
    }

    @Test
    void everyFieldOurModelCarriesIsInTheRecordedCorpus() throws IOException {
        Set<String> written = new HashSet<>();
        for (Case corpusCase : cases()) {
            for (ServiceSpec service : load(corpusCase).services().values()) {
                String json = ServiceConfigHash.json(service);
                ServiceConfigHash.FIELDS.keySet().stream().filter(name -> json.contains("\"" + name + "\":")).forEach(written::add);
            }
        }
        assertThat(written).as("fields some recorded case writes; add a case to cases.txt for a new one")
                .containsExactlyInAnyOrderElementsOf(ServiceConfigHash.FIELDS.keySet());
    }

    @Test
    void everyModelledFieldHasItsPlaceInGoStructOrderAndNoneIsOneComposeBlanks() {
        assertThat(ServiceConfigHash.GO_ORDER).containsAll(ServiceConfigHash.FIELDS.keySet())
                .doesNotHaveDuplicates();
        assertThat(ServiceConfigHash.FIELDS.keySet()).doesNotContainAnyElementsOf(ServiceConfigHash.BLANKED);
    }

    private static ComposeProject load(Case corpusCase) {
        Path dir = stage(corpusCase);
        List<Path> files = corpusCase.files().stream().map(dir::resolve).toList();
        return new ComposeLoader().load(new LoadRequest(files, "hash-" + corpusCase.name(), corpusCase.environment(), null))
                .project();
    }

    /**
     * Copies the case's files to STAGE/name/files (atomically per file, so concurrent runs from
     * other checkouts only ever see whole files) and drops files the case no longer has.
     */
    private static Path stage(Case corpusCase) {
        Path dest = STAGE.resolve(corpusCase.name()).resolve("files");
        try {
            Files.createDirectories(dest);
            Set<String> names = new HashSet<>();
            try (Stream<Path> sources = Files.list(corpusCase.dir())) {
                for (Path source : sources.filter(Files::isRegularFile).toList()) {
                    names.add(source.getFileName().toString());
                    Path temp = Files.createTempFile(dest, ".staging", null);
                    Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temp, dest.resolve(source.getFileName()), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (Stream<Path> staged = Files.list(dest)) {
                for (Path stale : staged.filter(p -> !names.contains(p.getFileName().toString())
                        && !p.getFileName().toString().startsWith(".staging")).toList()) {
                    Files.deleteIfExists(stale);
                }
            }
            return dest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
