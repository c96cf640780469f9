package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotEnvTest {
    private static final Map<String, String> OS = Map.of("HOME", "/home/os", "SHARED", "from-os");

    private static Map<String, String> parse(String text) {
        return DotEnv.parse(".env", text, OS::get);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            K=v                          | v
            K = v                        | v
            export K=v                   | v
            K=v # comment                | v
            K=a#b                        | a#b
            'K=v   '                     | v
            K='single $HOME ${HOME}'     | single $HOME ${HOME}
            K="double $HOME"             | double /home/os
            K="a\\tb"                    | 'a\tb'
            K="q\\"q"                    | q"q
            K="cost \\$5"                | cost $5
            K=unquoted ${HOME}/x         | unquoted /home/os/x
            K="# not a comment"          | # not a comment
            K=                           | ''
            K=${MISSING:-fallback}       | fallback
            """)
    void parsesOneLine(String line, String expected) {
        assertThat(parse(line).get("K")).isEqualTo(expected.replace("\\t", "\t"));
    }

    @Test
    void skipsCommentsAndBlankLinesAndKeepsOrder() {
        assertThat(parse("# top\n\nB=2\n  # indented comment\nA=1\n")).containsExactly(Map.entry("B", "2"), Map.entry("A", "1"));
    }

    @Test
    void aBareKeyCopiesTheOsValueOrIsSkipped() {
        assertThat(parse("SHARED\nNOT_IN_OS\n")).containsExactly(Map.entry("SHARED", "from-os"));
    }

    @Test
    void expansionsPreferTheOsEnvironmentOverEarlierLines() {
        assertThat(parse("SHARED=local\nX=${SHARED}\nY=$OWN\nOWN=later\n"))
                .containsEntry("X", "from-os")
                .containsEntry("Y", "");
        assertThat(parse("OWN=mine\nY=${OWN}-x\n")).containsEntry("Y", "mine-x");
    }

    @Test
    void doubleQuotedValuesMaySpanLines() {
        assertThat(parse("K=\"line1\nline2\"\nNEXT=n\n")).containsEntry("K", "line1\nline2").containsEntry("NEXT", "n");
    }

    @Test
    void anUnterminatedQuoteNamesFileAndLine() {
        assertThatThrownBy(() -> parse("A=1\nK=\"open\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(".env:2: unterminated quoted value");
    }

    @Test
    void anInvalidKeyNamesFileAndLine() {
        assertThatThrownBy(() -> parse("A=1\n\n1BAD=x\n")).hasMessage(".env:3: invalid variable name \"1BAD\"");
    }
}
