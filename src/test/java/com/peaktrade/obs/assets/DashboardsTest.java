package com.peaktrade.obs.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.peaktrade.obs.assets.GrafanaAssets.Dashboard;
import com.peaktrade.obs.assets.GrafanaAssets.Query;
import com.peaktrade.obs.assets.GrafanaAssets.Spec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DashboardsTest {
    /** SPEC §3: dashboard uid → folder title. */
    private static final Map<String, String> FOLDERS = Map.of(
            "peaktrade-execution-watch-overview", "execution",
            "peaktrade-overview", "overview",
            "peaktrade-shadow-pipeline-mvs", "shadow",
            "peaktrade-labeled-local", "http");
    private static final Pattern DS_VARIABLE_REF = Pattern.compile("\\$\\{(DS_[A-Z]+)}");

    @ParameterizedTest
    @EnumSource(Spec.class)
    void carriesTheUidAndTitleOfTheSpec(Spec spec) {
        JsonNode json = spec.load().json();
        assertThat(json.path("uid").asText()).isEqualTo(spec.uid);
        assertThat(json.path("title").asText()).isEqualTo(spec.title);
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void landsInTheFolderTheSpecNamesBecauseItsDirectoryIsNamedSo(Spec spec) {
        assertThat(spec.folder()).isEqualTo(FOLDERS.get(spec.uid));
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void isReadyForProvisioningRatherThanAnImportExport(Spec spec) {
        JsonNode json = spec.load().json();
        assertThat(json.has("__inputs")).isFalse();
        assertThat(json.has("__requires")).isFalse();
        assertThat(json.has("id")).isTrue();
        assertThat(json.path("id").isNull()).isTrue();
        assertThat(json.path("version").isInt()).isTrue();
        assertThat(json.path("schemaVersion").isInt()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void declaresExactlyTheDatasourceVariablesItUsesWithTheSpecDefaults(Spec spec) {
        Dashboard dashboard = spec.load();
        Set<String> used = new TreeSet<>();
        for (JsonNode ref : dashboard.datasourceRefs()) {
            Matcher m = DS_VARIABLE_REF.matcher(ref.path("uid").asText());
            if (m.matches()) {
                used.add(m.group(1));
            }
        }
        List<JsonNode> declared = dashboard.variables("datasource");
        assertThat(declared).extracting(v -> v.path("name").asText()).containsExactlyInAnyOrderElementsOf(used);
        assertThat(declared).allSatisfy(v -> {
            assertThat(v.path("query").asText()).isEqualTo("prometheus");
            assertThat(v.path("current").path("value").asText())
                    .isEqualTo(GrafanaAssets.DS_VARIABLES.get(v.path("name").asText()));
        });
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void selectsEveryDatasourceThroughAVariableNeverAHardCodedUid(Spec spec) {
        Dashboard dashboard = spec.load();
        assertThat(dashboard.datasourceRefs()).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref.path("type").asText()).isEqualTo("prometheus");
            assertThat(ref.path("uid").asText()).matches("\\$\\{DS_(LOCAL|SHADOW|MAIN)}");
        });
        assertThat(dashboard.panels())
                .filteredOn(p -> p.has("targets"))
                .allSatisfy(p -> {
                    assertThat(p.path("datasource").isObject()).as(p.path("title").asText()).isTrue();
                    assertThat(GrafanaAssets.list(p.path("targets")))
                            .allSatisfy(t -> assertThat(t.path("datasource").isObject()).isTrue());
                });
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void queriesNoForbiddenLabelAnywhere(Spec spec) {
        List<String> offences = new ArrayList<>();
        for (Query query : spec.load().queries()) {
            Set<String> labels = new HashSet<>(forbiddenWordsIn(query.expr()));
            if (!query.where().startsWith("variable")) {
                PromQl.scan(query.expr()).labelNames().stream()
                        .filter(ShadowContract.FORBIDDEN_LABELS::contains).forEach(labels::add);
            }
            labels.forEach(l -> offences.add(query.where() + ": " + l + " in " + query.expr()));
        }
        assertThat(offences).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void hasUniquePanelIdsAndNoOverlappingPanels(Spec spec) {
        List<JsonNode> panels = spec.load().panels();
        assertThat(panels).extracting(p -> p.path("id").asInt()).doesNotHaveDuplicates().doesNotContain(0);
        Map<String, String> cells = new java.util.HashMap<>();
        List<String> overlaps = new ArrayList<>();
        for (JsonNode panel : panels) {
            JsonNode g = panel.path("gridPos");
            assertThat(g.path("x").asInt() + g.path("w").asInt()).isLessThanOrEqualTo(24);
            for (int x = g.path("x").asInt(); x < g.path("x").asInt() + g.path("w").asInt(); x++) {
                for (int y = g.path("y").asInt(); y < g.path("y").asInt() + g.path("h").asInt(); y++) {
                    String previous = cells.put(x + "," + y, panel.path("title").asText());
                    if (previous != null) {
                        overlaps.add(previous + " / " + panel.path("title").asText());
                    }
                }
            }
        }
        assertThat(overlaps).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Spec.class)
    void linksOnlyToDashboardsThatAreProvisioned(Spec spec) {
        assertThat(GrafanaAssets.list(spec.load().json().path("links")))
                .extracting(l -> l.path("url").asText())
                .allSatisfy(url -> assertThat(FOLDERS).containsKey(url.replaceFirst("^/d/", "").replaceFirst("[/?].*", "")));
    }

    @Test
    void theFourDashboardsHaveDistinctUids() {
        assertThat(Stream.of(Spec.values()).map(s -> s.load().json().path("uid").asText()))
                .doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void aMetricNameThatMerelyEndsInAForbiddenWordIsNoForbiddenLabel() {
        assertThat(forbiddenWordsIn("max(peaktrade_ai_last_event_timestamp_seconds_by_run_id)")).isEmpty();
        assertThat(forbiddenWordsIn("label_values(x, run_id)")).containsExactly("run_id");
        assertThat(forbiddenWordsIn("sum by (intent_id) (x{client_order_id!=\"\"})"))
                .containsExactlyInAnyOrder("intent_id", "client_order_id");
    }

    /** Forbidden label names standing as whole identifiers anywhere in the text, strings included. */
    static Set<String> forbiddenWordsIn(String expr) {
        return ShadowContract.FORBIDDEN_LABELS.stream()
                .filter(l -> Pattern.compile("(?<![A-Za-z0-9_:])" + l + "(?![A-Za-z0-9_:])").matcher(expr).find())
                .collect(Collectors.toSet());
    }
}
