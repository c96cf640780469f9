package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.peaktrade.obs.error.ConfigException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our resolved model, as {@code debug config --format json} prints it, against docker compose
 * v2's {@code config --format json} for every case of the corpus (see {@link ComposeCorpus};
 * scripts/record-compose-v2.sh records v2's answers, so this test needs no compose binary).
 * <p>
 * Both sides are normalised first (the same list is in docs/compose-parity.md):
 * <ol>
 * <li>absolute paths: the repository root is {@code ${REPO}} (the recording writes it so);</li>
 * <li>key order is ignored (compose sorts keys, we keep the file's order);</li>
 * <li>v2's {@code "command": null} and {@code "entrypoint": null} are dropped: we leave out what is unset;</li>
 * <li>v2's empty {@code "ipam": {}} on networks is dropped: we do not model IPAM;</li>
 * <li>v2's environment values of secret-looking keys ({@link SecretKeys}) are masked as ours are.</li>
 * </ol>
 * A case v2 refuses (expected.error) must be refused by us too, with a configuration error.
 */
class ComposeCorpusTest {
    private static final JsonMapper JSON = new JsonMapper();

    static Stream<ComposeCorpus> accepted() {
        return ComposeCorpus.all().filter(c -> !c.composeRefuses());
    }

    static Stream<ComposeCorpus> refused() {
        return ComposeCorpus.all().filter(ComposeCorpus::composeRefuses);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void ourConfigIsWhatDockerComposeV2Prints(ComposeCorpus corpus) throws Exception {
        String ours = ComposeConfigWriter.toJson(corpus.load().project())
                .replace(ComposeCorpus.REPO.toString(), "${REPO}");
        JsonNode expected = normalisedV2(JSON.readTree(corpus.recorded("expected.json")));
        JsonNode actual = JSON.readTree(ours);
        assertThat(actual).as("%s\n--- v2 (normalised)\n%s\n--- ours\n%s", corpus.name(),
                expected.toPrettyString(), actual.toPrettyString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void whatDockerComposeV2RefusesWeRefuseToo(ComposeCorpus corpus) {
        assertThatThrownBy(corpus::load).as("v2 says: " + corpus.recorded("expected.error"))
                .isInstanceOf(ConfigException.class);
    }

    private static JsonNode normalisedV2(JsonNode root) {
        root.path("services").forEach(service -> {
            ObjectNode node = (ObjectNode) service;
            for (String key : new String[] {"command", "entrypoint"}) {
                if (node.has(key) && node.get(key).isNull()) {
                    node.remove(key);
                }
            }
            if (node.get("environment") instanceof ObjectNode environment) {
                environment.properties().forEach(e -> {
                    if (SecretKeys.isSecret(e.getKey()) && e.getValue().isTextual() && !e.getValue().asText().isEmpty()) {
                        e.setValue(TextNode.valueOf(SecretKeys.MASK));
                    }
                });
            }
        });
        root.path("networks").forEach(network -> {
            if (network.path("ipam").isObject() && network.path("ipam").isEmpty()) {
                ((ObjectNode) network).remove("ipam");
            }
        });
        return root;
    }
}
