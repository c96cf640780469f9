package com.peaktrade.obs.contract.init;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlScalarTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @ValueSource(strings = {"peaktrade-prometheus-local", "on", "No", "null", "~", "1.0", "0x1F", "9109", "TSDB: main",
        "# not a comment", "shadow,live", "up{job=\"shadow_mvs\"}", "Peak_Trade — Shadow Pipeline", "- dash", "a\\b", "tab\there",
        "line\nbreak", "../compose/grafana.yaml", "'quoted'", "&anchor", "*alias", "key: value", "trailing "})
    void everyValueReadsBackAsTheSameString(String value) throws Exception {
        assertThat(YAML.readTree("v: " + YamlScalar.of(value) + "\n").get("v").isTextual()).isTrue();
        assertThat(YAML.readTree("v: " + YamlScalar.of(value) + "\n").get("v").asText()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"peaktrade-prometheus-local", "shadow_mvs", "/metrics", "../compose/grafana.yaml"})
    void plainNamesAreWrittenWithoutQuotes(String value) {
        assertThat(YamlScalar.of(value)).isEqualTo(value);
    }
}
