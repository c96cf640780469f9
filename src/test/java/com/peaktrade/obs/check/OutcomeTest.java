package com.peaktrade.obs.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void factoriesSetStatusMessageHintAndEvidence() {
        assertThat(Outcome.pass("ok", "a", "b")).isEqualTo(new Outcome(Status.PASS, "ok", java.util.List.of("a", "b"), null));
        assertThat(Outcome.fail("down", "start it", "GET x")).isEqualTo(new Outcome(Status.FAIL, "down", java.util.List.of("GET x"), "start it"));
        assertThat(Outcome.warn("slow", null).hint()).isNull();
        assertThat(Outcome.warn("slow", " ").hint()).as("a blank hint is no hint").isNull();
        assertThat(Outcome.skip("n/a").status()).isEqualTo(Status.SKIP);
    }

    @Test
    void aFailWithoutAHintIsAProgrammingError() {
        assertThatThrownBy(() -> Outcome.fail("down", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outcome.fail("down", "  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Result("x", Status.FAIL, "down", null, null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withEvidenceAppendsAndLeavesTheOriginalAlone() {
        Outcome first = Outcome.pass("ok", "url");
        Outcome more = first.withEvidence("3 attempts", null);
        assertThat(more.evidence()).containsExactly("url", "3 attempts");
        assertThat(first.evidence()).containsExactly("url");
        assertThat(more.message()).isEqualTo("ok");
    }

    @Test
    void evidenceIsAnImmutableCopyWithoutNulls() {
        var items = new java.util.ArrayList<>(Arrays.asList("a", null));
        Outcome outcome = new Outcome(Status.PASS, "ok", items, null);
        items.add("later");
        assertThat(outcome.evidence()).containsExactly("a");
        assertThatThrownBy(() -> outcome.evidence().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new Outcome(Status.PASS, "ok", null, null).evidence()).isEmpty();
    }

    @Test
    void aResultTakesIdStatusMessageEvidenceAndHintFromTheOutcome() {
        Result result = Result.of("grafana.auth", Outcome.fail("401", "credentials", "GET /api/user"), Duration.ofMillis(7));
        assertThat(result).isEqualTo(new Result("grafana.auth", Status.FAIL, "401", java.util.List.of("GET /api/user"), "credentials", Duration.ofMillis(7)));
        assertThat(result.failed()).isTrue();
    }
}
