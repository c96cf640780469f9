package com.peaktrade.obs.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "GET http://admin:s3cret@localhost:3000/api/user -> 401; GET http://admin:********@localhost:3000/api/user -> 401",
        "Authorization: Basic YWRtaW46czNjcmV0; Authorization: Basic ********",
        "nothing secret here; nothing secret here",
        "s3cret and s3cret again; ******** and ******** again"})
    void secretsAreMaskedWhereverTheyAppear(String text, String expected) {
        assertThat(Redaction.redact(text, List.of("s3cret", "YWRtaW46czNjcmV0"))).isEqualTo(expected);
    }

    @Test
    void aUrlEncodedPasswordIsMaskedToo() {
        assertThat(Redaction.redact("http://admin:p%40ss%20word@host", List.of("p@ss word"))).isEqualTo("http://admin:********@host");
        assertThat(Redaction.redact("http://admin:p%40ss+word@host", List.of("p@ss word"))).isEqualTo("http://admin:********@host");
    }

    @Test
    void aLongerSecretContainingAShorterOneIsMaskedWhole() {
        assertThat(Redaction.redact("token=abc-secret-xyz", List.of("secret", "abc-secret-xyz"))).isEqualTo("token=********");
    }

    @Test
    void emptyAndNullSecretsAndNullTextChangeNothing() {
        assertThat(Redaction.redact("admin:", Arrays.asList("", null))).isEqualTo("admin:");
        assertThat(Redaction.redact(null, List.of("x"))).isNull();
        assertThat(Redaction.redact("x", null)).isEqualTo("x");
    }
}
