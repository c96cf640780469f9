package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpolatorTest {
    private static final Map<String, String> VARS = new HashMap<>(Map.of("SET", "value", "EMPTY", "", "A_B", "ab",
            "PORT", "9090"));
    private final List<String> unset = new ArrayList<>();
    private final Interpolator interpolator = new Interpolator(VARS::get, unset::add);

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            plain text           | plain text
            $$                   | $
            $$SET                | $SET
            $SET                 | value
            ${SET}               | value
            x${SET}y             | xvaluey
            $A_B                 | ab
            $A_B-x               | ab-x
            ${UNSET:-def}        | def
            ${EMPTY:-def}        | def
            ${SET:-def}          | value
            ${UNSET-def}         | def
            ${EMPTY-def}         | ''
            ${SET-def}           | value
            ${SET:+alt}          | alt
            ${EMPTY:+alt}        | ''
            ${UNSET:+alt}        | ''
            ${SET+alt}           | alt
            ${EMPTY+alt}         | alt
            ${UNSET+alt}         | ''
            ${SET:?boom}         | value
            ${EMPTY?boom}        | ''
            ${UNSET:-${SET}}     | value
            ${UNSET:-${NOPE:-x}} | x
            ${UNSET:-a-b}        | a-b
            ${UNSET:-a:-b}       | a:-b
            ${UNSET:-}           | ''
            5$                   | 5$
            $1                   | $1
            $-                   | $-
            127.0.0.1:${PORT}:80 | 127.0.0.1:9090:80
            """)
    void substitutesEachForm(String template, String expected) {
        assertThat(interpolator.substitute(template)).isEqualTo(expected);
    }

    @Test
    void anUnsetVariableWithoutOperatorBecomesBlankAndIsReported() {
        assertThat(interpolator.substitute("a${NOPE}b$NOPE2")).isEqualTo("ab");
        assertThat(unset).containsExactly("NOPE", "NOPE2");
        assertThat(Interpolator.unsetWarning("NOPE")).isEqualTo("The \"NOPE\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void aDefaultThatIsNotUsedIsNotEvaluated() {
        assertThat(interpolator.substitute("${SET:-${REQ:?never}}")).isEqualTo("value");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ${UNSET:?please set it} | required variable UNSET is missing a value: please set it
            ${EMPTY:?empty}         | required variable EMPTY is missing a value: empty
            ${UNSET?}               | required variable UNSET is missing a value
            ${UNSET:?${SET} needed} | required variable UNSET is missing a value: value needed
            """)
    void aMissingRequiredVariableNamesItAndTheMessage(String template, String message) {
        assertThatThrownBy(() -> interpolator.substitute(template)).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ${
            ${SET
            ${}
            ${1A}
            ${A B}
            ${SET!x}
            """)
    void malformedBracesAreInvalid(String template) {
        assertThatThrownBy(() -> interpolator.substitute(template))
                .isInstanceOfSatisfying(Interpolator.InterpolationException.class, e -> assertThat(e.invalidFormat()).isTrue());
    }
}
