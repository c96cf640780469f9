package com.peaktrade.obs.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PromValuesTest {

    @Test
    void specialValuesAndGoFloatsParse() {
        assertThat(PromValues.parseValue("NaN")).isNaN();
        assertThat(PromValues.parseValue("+Inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(PromValues.parseValue("-Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PromValues.parseValue("1.5e-3")).isEqualTo(0.0015);
        assertThat(PromValues.parseValue("-7")).isEqualTo(-7.0);
    }

    @Test
    void javaOnlySpellingsAreNotNumbers() {
        for (String text : new String[] {"Infinity", "1.0d", "0x1p3", "", "one"}) {
            assertThatThrownBy(() -> PromValues.parseValue(text)).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void prometheusDurationsParse() {
        assertThat(PromValues.parseDuration("15s")).isEqualTo(Duration.ofSeconds(15));
        assertThat(PromValues.parseDuration("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(PromValues.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(PromValues.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(PromValues.parseDuration("1w")).isEqualTo(Duration.ofDays(7));
        assertThat(PromValues.parseDuration("0")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> PromValues.parseDuration("5 s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromValues.parseDuration("s")).isInstanceOf(IllegalArgumentException.class);
    }
}
