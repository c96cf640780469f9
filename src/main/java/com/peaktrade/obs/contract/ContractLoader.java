package com.peaktrade.obs.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a contract file into a {@link Contract}, or throws one {@link ContractException} listing
 * every problem with file:line: never a contract applied in part.
 */
public final class ContractLoader {
    /** The embedded default, beside the embedded assets it describes. */
    static final String EMBEDDED_RESOURCE = "/assets/" + Contract.FILE_NAME;
    static final String EMBEDDED_FILE = "embedded:" + Contract.FILE_NAME;
    private static final long MAX_BYTES = 1024 * 1024;
    private static final int MAX_DEPTH = 32;

    private final Predicate<String> isLintRule;
    private final YAMLFactory factory;

    /** @param lintRuleIds the ids of lint's rules; the lint policy names them, or prefixes of them ending in * */
    public ContractLoader(Collection<String> lintRuleIds) {
        Set<String> ids = Set.copyOf(lintRuleIds);
        this.isLintRule = pattern -> pattern.endsWith("*")
                ? ids.stream().anyMatch(id -> id.startsWith(pattern.substring(0, pattern.length() - 1)))
                : ids.contains(pattern);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH);
        this.factory = YAMLFactory.builder()
                .loaderOptions(options)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // `grafana:` with nothing after it is "no value", not an empty string
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
    }

    /** A contract file named by the user (--contract, contract check); paths resolve against its directory. */
    public Contract load(Path file) {
        return fromFile(file, ContractOrigin.Kind.OPTION, "");
    }

    /** The peaktrade-obs.yaml of an assets directory; {@code detail} says how that directory was chosen. */
    public Contract loadFromAssets(Path assetsDir, String detail) {
        return fromFile(assetsDir.resolve(Contract.FILE_NAME), ContractOrigin.Kind.ASSETS, detail);
    }

    /** The contract in the jar; its paths name the embedded assets. {@code detail} says why it is the one. */
    public Contract loadEmbedded(String detail) {
        try (InputStream in = ContractLoader.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("this build has no embedded contract (" + EMBEDDED_RESOURCE + ")");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            ContractOrigin origin = new ContractOrigin(ContractOrigin.Kind.EMBEDDED, EMBEDDED_FILE, Optional.empty(), detail);
            return parse(text, origin, new RelativeFiles() {
                @Override
                public boolean exists(String relative) {
                    return !relative.contains("..") && ContractLoader.class.getResource("/assets/" + relative) != null;
                }

                @Override
                public String describe(String relative) {
                    return "not among the embedded assets";
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the embedded contract", e);
        }
    }

    private Contract fromFile(Path file, ContractOrigin.Kind kind, String detail) {
        String shown = file.toString();
        Path directory = file.toAbsolutePath().normalize().getParent();
        String text = read(file, shown);
        return parse(text, new ContractOrigin(kind, shown, Optional.of(directory), detail), new RelativeFiles() {
            @Override
            public boolean exists(String relative) {
                return Files.isRegularFile(directory.resolve(relative));
            }

            @Override
            public String describe(String relative) {
                return "looked for " + directory.resolve(relative).normalize();
            }
        });
    }

    private static String read(Path file, String shown) {
        try {
            if (Files.isDirectory(file)) {
                throw invalid(shown, shown, "is a directory, not a contract file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw invalid(shown, shown, "is larger than 1 MB: not a contract file");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw invalid(shown, shown, "does not exist");
        } catch (CharacterCodingException e) {
            throw invalid(shown, shown, "is not UTF-8 text");
        } catch (IOException e) {
            throw invalid(shown, shown, "cannot be read: " + e.getMessage());
        }
    }

    Contract parse(String text, ContractOrigin origin, RelativeFiles files) {
        String shown = origin.file();
        JsonNode document;
        LineIndex lines;
        try (JsonParser parser = factory.createParser(text)) {
            document = new ObjectMapper(factory).readTree(parser);
            if (parser.nextToken() != null) {
                throw invalid(shown, shown + ":" + parser.currentTokenLocation().getLineNr(),
                        "a second YAML document: a contract is one document");
            }
            lines = LineIndex.of(text, factory);
        } catch (JsonProcessingException e) {
            throw invalid(shown, shown + ":" + lineOf(e), "invalid YAML: " + describe(e));
        } catch (IOException e) {
            throw invalid(shown, shown, "cannot be read: " + e.getMessage());
        }
        if (document == null || document.isMissingNode() || document.isNull()) {
            throw invalid(shown, shown, "is empty; a contract starts with apiVersion: " + Contract.API_VERSION);
        }
        if (!lines.aliasLines().isEmpty()) {
            // Jackson's tree keeps an alias as its name: reading on would only add confusing follow-ups
            throw new ContractException(shown, lines.aliasLines().stream().map(line -> new Where(shown, line)
                    + ": YAML aliases (*name) are not supported in a contract: write the value out").toList());
        }
        Problems problems = new Problems(shown, lines);
        Contract contract = new ContractReader(files, isLintRule).read(ContractNode.root(document, problems), origin, text);
        ContractConsistency.check(contract, problems);
        if (!problems.all().isEmpty()) {
            throw new ContractException(shown, problems.all());
        }
        return contract;
    }

    private static ContractException invalid(String file, String where, String message) {
        return new ContractException(file, List.of(where + ": " + message));
    }

    private static int lineOf(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return marked.getProblemMark().getLine() + 1;
        }
        return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    }

    private static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked) {
            return (marked.getContext() == null ? "" : marked.getContext() + ": ") + marked.getProblem();
        }
        String message = e.getOriginalMessage().strip();
        if (message.startsWith("Duplicate field ")) {
            return "duplicate key " + message.substring("Duplicate field ".length());
        }
        return message.lines().findFirst().orElse(message);
    }
}
