package com.peaktrade.obs.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/contract.schema.json says what the loader says, as far as a schema can. */
class ContractSchemaTest {
    private static final Path SCHEMA = Path.of("docs/contract.schema.json");
    private static final SchemaRegistry FACTORY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Error> validate(String yaml) throws Exception {
        Schema schema = FACTORY.getSchema(Files.readString(SCHEMA));
        JsonNode document = YAML.readTree(yaml);
        return schema.validate(document == null || document.isMissingNode() ? NullNode.getInstance() : document);
    }

    static List<Path> bad() {
        return ContractFixtures.bad().stream().filter(p -> !ContractFixtures.schemaVerdict(p).equals("-")).toList();
    }

    static List<Path> good() {
        return ContractFixtures.good();
    }

    @Test
    void theSchemaIsADraft202012Schema() throws Exception {
        Schema meta = FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        JsonNode schema = JSON.readTree(SCHEMA.toFile());
        assertThat(meta.validate(schema)).isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void theEmbeddedContractIsValid() throws Exception {
        assertThat(validate(ContractFixtures.text(ContractFixtures.SEED))).isEmpty();
    }

    @Test
    void theWorkedExampleOfTheDocsIsValid() throws Exception {
        assertThat(validate(ContractFixtures.workedExample())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("good")
    void aContractTheLoaderAcceptsIsValid(Path fixture) throws Exception {
        assertThat(validate(ContractFixtures.text(fixture))).isEmpty();
    }

    /** "accepts": only the loader can tell (a uid twice, PromQL, a missing file): the schema's description says so. */
    @ParameterizedTest
    @MethodSource("bad")
    void aContractTheLoaderRejectsIsInvalidWhereASchemaCanTell(Path fixture) throws Exception {
        List<Error> errors = validate(ContractFixtures.text(fixture));
        if (ContractFixtures.schemaVerdict(fixture).equals("rejects")) {
            assertThat(errors).as(fixture.toString()).isNotEmpty();
        } else {
            assertThat(errors).as(fixture.toString()).isEmpty();
        }
    }

    @Test
    void aTypoInAKeyIsInvalid() throws Exception {
        List<Error> errors = validate("apiVersion: peaktrade-obs/v1\nprometheus:\n  jobs: [a]\n  querys: []\n");
        assertThat(errors).singleElement().extracting(Error::getMessage).asString().contains("querys");
    }
}
