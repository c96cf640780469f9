package com.peaktrade.obs.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.github.dockerjava.core.DockerClientConfig;
import java.io.UncheckedIOException;

/**
 * docker-java's own JSON mapper, for the calls we send over its transport without its client: a
 * request body written exactly as docker-java would write it from its command model, and an answer
 * read onto its model as docker-java would read it.
 */
final class DockerJavaJson {
    private static final ObjectMapper MAPPER = DockerClientConfig.getDefaultObjectMapper();

    private DockerJavaJson() {
    }

    /** The request body docker-java would send for this command or model object. */
    static byte[] body(Object request) {
        try {
            return MAPPER.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reader onto docker-java's model, for answers read more than once (a list of containers). */
    static ObjectReader reader(TypeReference<?> type) {
        return MAPPER.readerFor(type);
    }

    /** An answer read onto docker-java's model. */
    static <T> T read(JsonNode answer, Class<T> type) {
        try {
            return MAPPER.treeToValue(answer, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
