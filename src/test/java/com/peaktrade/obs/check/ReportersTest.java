package com.peaktrade.obs.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReportersTest {

    @ParameterizedTest
    @CsvSource({"lines, LinesReporter", "json, JsonReporter", "junit, JunitReporter", "JSON, JsonReporter", "' junit ', JunitReporter"})
    void aFormatIsLookedUpByName(String name, String type) {
        assertThat(Reporters.byName(name).getClass().getSimpleName()).isEqualTo(type);
    }

    @Test
    void theNamesAreListedDefaultFirst() {
        assertThat(Reporters.names()).containsExactly("lines", "json", "junit");
        assertThat(Reporters.DEFAULT).isEqualTo("lines");
    }

    @Test
    void anUnknownFormatIsAConfigErrorNamingTheValidOnes() {
        assertThatThrownBy(() -> Reporters.byName("xml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'xml'")
                .satisfies(e -> {
                    assertThat(((ConfigException) e).hint()).isEqualTo("use one of: lines, json, junit");
                    assertThat(((ConfigException) e).exitCode()).isEqualTo(2);
                });
    }
}
