package com.peaktrade.obs.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.assets.PromQl.Matcher;
import com.peaktrade.obs.assets.PromQl.Scan;
import com.peaktrade.obs.assets.PromQl.Selector;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromQlTest {
    @Test
    void findsMetricNamesButNotFunctionsAggregationsOrKeywords() {
        Scan scan = PromQl.scan("(sum by (mode) (rate(a_total[5m])) OR on() vector(0)) > bool 0"
                + " / clamp_min(sum(rate(b_total[$__rate_interval])) by (le), 1e-9) unless up");
        assertThat(scan.metricNames()).containsExactly("a_total", "b_total", "up");
    }

    @Test
    void readsMatchersWithTheirOperatorsAndValues() {
        Scan scan = PromQl.scan("x_bucket{job=\"shadow_mvs\", mode=~\"$mode\",le!=\"+Inf\"}");
        assertThat(scan.selectors()).containsExactly(new Selector("x_bucket", List.of(
                new Matcher("job", "=", "shadow_mvs"), new Matcher("mode", "=~", "$mode"), new Matcher("le", "!=", "+Inf"))));
    }

    @Test
    void collectsGroupingLabelsFromByOnAndWithoutClauses() {
        Scan scan = PromQl.scan("sum by (le, edge) (a) * on(instance) group_left(stage) b without (feed)");
        assertThat(scan.groupingLabels()).containsExactlyInAnyOrder("le", "edge", "instance", "stage", "feed");
    }

    @Test
    void stringsOutsideSelectorsAreNeitherMetricsNorLabels() {
        Scan scan = PromQl.scan("label_replace(vector(0), \"action\", \"none\", \"\", \"\")");
        assertThat(scan.selectors()).isEmpty();
        assertThat(scan.labelNames()).isEmpty();
    }

    @Test
    void collectsRangesIncludingGrafanaVariables() {
        assertThat(PromQl.scan("rate(a[5m]) + increase(b[$__range]) + max_over_time(c[1h:1m])").ranges())
                .containsExactly("5m", "$__range", "1h:1m");
    }
}
