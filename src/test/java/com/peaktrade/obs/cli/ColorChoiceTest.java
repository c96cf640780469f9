package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

class ColorChoiceTest {
    @Test
    void alwaysForcesColourEvenWithNoColorSet() {
        assertThat(ColorChoice.fromArgs(new String[] {"--color=always"}, Map.of("NO_COLOR", "1"))).isEqualTo(Ansi.ON);
        assertThat(ColorChoice.fromArgs(new String[] {"--color", "always"}, Map.of())).isEqualTo(Ansi.ON);
    }

    @Test
    void neverTurnsColourOff() {
        assertThat(ColorChoice.fromArgs(new String[] {"--color=never"}, Map.of())).isEqualTo(Ansi.OFF);
    }

    @Test
    void autoIsOffWhenNoColorIsSetOrWithoutATerminal() {
        assertThat(ColorChoice.fromArgs(new String[] {}, Map.of("NO_COLOR", "1"))).isEqualTo(Ansi.OFF);
        // the test JVM has no console, so auto means off
        assertThat(ColorChoice.fromArgs(new String[] {"shadow", "verify"}, Map.of())).isEqualTo(Ansi.OFF);
    }

    @Test
    void emptyNoColorDoesNotDisableColourPerTheConvention() {
        assertThat(ColorChoice.AUTO.toAnsi(Map.of("NO_COLOR", ""))).isNotEqualTo(Ansi.ON);
        assertThat(ColorChoice.ALWAYS.toAnsi(Map.of("NO_COLOR", ""))).isEqualTo(Ansi.ON);
    }
}
