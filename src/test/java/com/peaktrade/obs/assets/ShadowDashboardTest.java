package com.peaktrade.obs.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.peaktrade.obs.assets.GrafanaAssets.Dashboard;
import com.peaktrade.obs.assets.GrafanaAssets.Query;
import com.peaktrade.obs.assets.PromQl.Scan;
import com.peaktrade.obs.assets.PromQl.Selector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shadow dashboard must show data against our exporter: contract v1 only. */
class ShadowDashboardTest {
    private final Dashboard dashboard = GrafanaAssets.Spec.SHADOW.load();

    @Test
    void selectsItsDatasourceOnlyThroughDsShadow() {
        assertThat(dashboard.variables("datasource")).extracting(v -> v.path("name").asText())
                .containsExactly("DS_SHADOW");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mode", "exchange"})
    void offersAQueryVariableFromThePipelineEventLabels(String name) {
        JsonNode variable = dashboard.variable(name);
        assertThat(variable.path("type").asText()).isEqualTo("query");
        assertThat(GrafanaAssets.variableQuery(variable))
                .isEqualTo("label_values(peak_trade_pipeline_events_total, " + name + ")");
        assertThat(variable.path("datasource").path("uid").asText()).isEqualTo("${DS_SHADOW}");
        assertThat(variable.path("includeAll").asBoolean()).isTrue();
        assertThat(variable.path("multi").asBoolean()).isTrue();
        assertThat(variable.path("allValue").asText()).isEqualTo(".*");
    }

    @Test
    void everyPanelHasAQuery() {
        assertThat(dashboard.panels()).filteredOn(p -> !"row".equals(p.path("type").asText()))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(GrafanaAssets.list(p.path("targets")))
                        .as(p.path("title").asText()).isNotEmpty()
                        .allSatisfy(t -> assertThat(t.path("expr").asText()).isNotBlank()));
    }

    @Test
    void queriesOnlySeriesOfContractV1AndTheScrapeSeriesOfItsJob() {
        List<String> offences = new ArrayList<>();
        for (Query query : dashboard.targetQueries()) {
            for (Selector s : PromQl.scan(query.expr()).selectors()) {
                if (ShadowContract.SCRAPE_SERIES.contains(s.metric())) {
                    if (!s.hasMatcher("job", "=", ShadowContract.JOB)) {
                        offences.add(query.where() + ": " + s.metric() + " without job=\"shadow_mvs\"");
                    }
                } else if (!ShadowContract.SERIES.containsKey(s.metric())) {
                    offences.add(query.where() + ": '" + s.metric() + "' is not in contract v1");
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void contractSeriesAreFilteredByTheModeAndExchangeVariablesTheyCarry() {
        List<String> offences = new ArrayList<>();
        for (Selector s : contractSelectors()) {
            Set<String> labels = ShadowContract.SERIES.get(s.metric());
            if (!s.hasMatcher("mode", "=~", "$mode")) {
                offences.add(s + " lacks mode=~\"$mode\"");
            }
            if (labels.contains("exchange") != s.hasMatcher("exchange", "=~", "$exchange")) {
                offences.add(s + (labels.contains("exchange") ? " lacks" : " has no such label:")
                        + " exchange=~\"$exchange\"");
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void matchersUseOnlyLabelsAndValuesTheExporterProduces() {
        List<String> offences = new ArrayList<>();
        for (Selector s : contractSelectors()) {
            Set<String> allowed = new HashSet<>(ShadowContract.SERIES.get(s.metric()));
            allowed.addAll(ShadowContract.TARGET_LABELS);
            for (PromQl.Matcher m : s.matchers()) {
                if (!allowed.contains(m.label())) {
                    offences.add(s.metric() + " has no label " + m.label());
                }
                Set<String> values = ShadowContract.VALUES.get(m.label());
                if (values != null && m.op().equals("=") && !values.contains(m.value())) {
                    offences.add(s.metric() + ": " + m.label() + "=\"" + m.value() + "\" is never exported");
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void groupingUsesOnlyLabelsTheQueriedSeriesCarry() {
        for (Query query : dashboard.targetQueries()) {
            Scan scan = PromQl.scan(query.expr());
            Set<String> carried = new HashSet<>(ShadowContract.TARGET_LABELS);
            scan.metricNames().forEach(m -> carried.addAll(ShadowContract.SERIES.getOrDefault(m, Set.of())));
            assertThat(carried).as(query.where()).containsAll(scan.groupingLabels());
        }
    }

    @Test
    void everyRangeIsTheRateIntervalVariable() {
        for (Query query : dashboard.targetQueries()) {
            assertThat(PromQl.scan(query.expr()).ranges()).as(query.where()).allMatch("$__rate_interval"::equals);
        }
    }

    @Test
    void quantilesAreTakenOverBucketsSummedByLe() {
        Pattern quantile = Pattern.compile("histogram_quantile\\(");
        Pattern wellFormed = Pattern.compile("histogram_quantile\\(0\\.\\d+, sum by \\(le\\) \\(rate\\("
                + "peak_trade_pipeline_latency_seconds_bucket\\{");
        int quantiles = 0;
        for (Query query : dashboard.targetQueries()) {
            long all = quantile.matcher(query.expr()).results().count();
            assertThat(wellFormed.matcher(query.expr()).results().count()).as(query.where()).isEqualTo(all);
            quantiles += (int) all;
        }
        assertThat(quantiles).isPositive();
    }

    @Test
    void everyLatencyEdgeOfTheContractIsCharted() {
        Set<String> charted = new HashSet<>();
        for (Selector s : contractSelectors()) {
            s.matchers().stream().filter(m -> m.label().equals("edge")).forEach(m -> charted.add(m.value()));
        }
        assertThat(charted).containsExactlyInAnyOrderElementsOf(ShadowContract.VALUES.get("edge"));
    }

    @Test
    void chartsEveryContractSeriesFamily() {
        Set<String> used = new HashSet<>();
        dashboard.targetQueries().forEach(q -> used.addAll(PromQl.scan(q.expr()).metricNames()));
        assertThat(used).containsAll(ShadowContract.SERIES.keySet()).contains("up", "scrape_samples_scraped");
    }

    private List<Selector> contractSelectors() {
        List<Selector> selectors = new ArrayList<>();
        for (Query query : dashboard.targetQueries()) {
            PromQl.scan(query.expr()).selectors().stream()
                    .filter(s -> ShadowContract.SERIES.containsKey(s.metric())).forEach(selectors::add);
        }
        return selectors;
    }
}
