package com.peaktrade.obs.contract;

import com.peaktrade.obs.lint.Rule;
import com.peaktrade.obs.lint.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fixtures beside the tests: {@code contract/good/*.yaml} load; each {@code contract/bad/*.yaml}
 * ends with the problems the loader must report ({@code # expect: {file}:LINE: …}) and whether the
 * JSON Schema rejects it too ({@code # schema: rejects|accepts|-}, "-" when it is not one YAML document).
 */
final class ContractFixtures {
    static final Path ROOT = Path.of("src/test/resources/contract");
    static final Path SEED = Path.of(Contract.FILE_NAME);
    static final Path DOCS = Path.of("docs/contract.md");
    static final ContractLoader LOADER = new ContractLoader(Rules.all().stream().map(Rule::id).toList());

    private static final Pattern EXAMPLE = Pattern.compile("<!-- worked-example -->\\s*```yaml\\n(.*?)```", Pattern.DOTALL);

    private ContractFixtures() {
    }

    static List<Path> good() {
        return list(ROOT.resolve("good"));
    }

    static List<Path> bad() {
        return list(ROOT.resolve("bad"));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems a bad fixture says the loader reports, with {file} and {fixtures} filled in. */
    static List<String> expectedProblems(Path fixture) {
        return trailer(fixture, "# expect: ").map(line -> line
                .replace("{file}", fixture.toString())
                .replace("{fixtures}", ROOT.toAbsolutePath().toString())).toList();
    }

    static String schemaVerdict(Path fixture) {
        return trailer(fixture, "# schema: ").findFirst().orElseThrow(() -> new AssertionError(fixture + " has no # schema: line"));
    }

    private static Stream<String> trailer(Path fixture, String prefix) {
        return text(fixture).lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()));
    }

    /** The YAML of docs/contract.md's worked example. */
    static String workedExample() {
        Matcher m = EXAMPLE.matcher(text(DOCS));
        if (!m.find()) {
            throw new AssertionError("docs/contract.md has no <!-- worked-example --> yaml block");
        }
        return m.group(1);
    }

    /** The worked example as a team's repository: the contract and the compose files it names. */
    static Path workedExampleRepository(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docker"));
        Files.writeString(dir.resolve("docker/compose.prometheus.yml"), "services: {}\n");
        Files.writeString(dir.resolve("docker/compose.grafana.yml"), "services: {}\n");
        Path contract = dir.resolve(Contract.FILE_NAME);
        Files.writeString(contract, workedExample());
        return contract;
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
