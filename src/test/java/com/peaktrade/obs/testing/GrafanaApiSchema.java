package com.peaktrade.obs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One JSON Schema of src/test/resources/grafana-api-schemas/ (derived from Grafana's OpenAPI spec, see
 * the stand-in's README): the schema document and a validator for answers.
 */
public final class GrafanaApiSchema {
    private static final String DIR = "/grafana-api-schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();
    // format (date-time) asserted, not only annotated: Grafana writes Go time.Time as RFC 3339
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final String name;
    private final JsonNode document;
    private final Schema schema;

    private GrafanaApiSchema(String name, JsonNode document) {
        this.name = name;
        this.document = document;
        this.schema = REGISTRY.getSchema(document);
    }

    /** The schema file {@code name} (e.g. "health.json"). */
    public static GrafanaApiSchema named(String name) {
        return new GrafanaApiSchema(name, resource(DIR + name));
    }

    /** An example answer of examples/ (spec-shaped, hand-written from grafana-facts.md). */
    public static JsonNode example(String name) {
        return resource(DIR + "examples/" + name);
    }

    public String name() {
        return name;
    }

    public JsonNode document() {
        return document;
    }

    /** Every way {@code answer} breaks this schema, one line each; empty when it conforms. */
    public List<String> problems(JsonNode answer) {
        return schema.validate(answer).stream().map(Error::toString).toList();
    }

    private static JsonNode resource(String path) {
        try (InputStream in = GrafanaApiSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
