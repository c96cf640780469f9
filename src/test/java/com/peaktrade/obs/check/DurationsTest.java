package com.peaktrade.obs.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, 500", "30s, 30000", "5m, 300000", "1h30m, 5400000", "1m30s, 90000", "1.5s, 1500",
        "2h, 7200000", "2d, 172800000", "' 10S ', 10000", "0s, 0", "1h0m5s, 3605000"})
    void aDurationIsParsedFromWhatUsersType(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "abc", "5 m", "-5s", "1w", "s", "1.s", "30s!", "PT30S"})
    void badTextIsAConfigErrorNamingIt(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid duration '" + text + "'")
                .extracting(e -> ((ConfigException) e).hint()).isEqualTo("use e.g. 500ms, 30s, 5m or 1h30m");
    }

    @Test
    void nullIsAConfigErrorToo() {
        assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(ConfigException.class);
    }

    @ParameterizedTest
    @CsvSource({"200, 200ms", "30000, 30s", "1500, 1.5s", "90000, 1m30s", "3600000, 1h", "5400000, 1h30m", "3605250, 1h5.25s"})
    void formatGivesTheShortestTextThatParsesBack(long millis, String text) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void secondsShowOneDecimal() {
        assertThat(Durations.seconds(Duration.ofMillis(420))).isEqualTo("0.4");
        assertThat(Durations.seconds(Duration.ofMillis(12_345))).isEqualTo("12.3");
        assertThat(Durations.seconds(Duration.ZERO)).isEqualTo("0.0");
    }

    @Test
    void budgetsAreParsedPerIdAndAnErrorNamesTheId() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("prometheus.targets", "1m");
        texts.put("grafana.query", "500ms");
        assertThat(Durations.parseAll(texts))
                .containsExactly(Map.entry("prometheus.targets", Duration.ofMinutes(1)), Map.entry("grafana.query", Duration.ofMillis(500)));
        assertThatThrownBy(() -> Durations.parseAll(Map.of("grafana.query", "soon")))
                .isInstanceOf(ConfigException.class).hasMessage("invalid duration 'soon' for grafana.query");
    }
}
