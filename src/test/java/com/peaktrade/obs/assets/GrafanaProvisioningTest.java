package com.peaktrade.obs.assets;

import static com.peaktrade.obs.assets.GrafanaAssets.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GrafanaProvisioningTest {
    private final JsonNode datasources = GrafanaAssets.yaml(GrafanaAssets.DATASOURCES);
    private final JsonNode providers = GrafanaAssets.yaml(GrafanaAssets.PROVIDERS);

    @Test
    void datasourcesAreExactlyTheThreeOfTheSpecTable() {
        assertThat(datasources.path("apiVersion").asInt()).isEqualTo(1);
        assertThat(list(datasources.path("datasources")))
                .extracting(d -> d.path("uid").asText(), d -> d.path("name").asText(),
                        d -> d.path("isDefault").asBoolean(), d -> d.path("url").asText())
                .containsExactlyInAnyOrder(
                        tuple("peaktrade-prometheus-local", "prometheus-local", true, "http://prometheus-local:9090"),
                        tuple("peaktrade-prometheus-shadow", "prometheus-shadow", false, "http://prometheus-local:9090"),
                        tuple("peaktrade-prometheus-main", "prometheus-main", false, "http://host.docker.internal:9090"));
    }

    @Test
    void exactlyOneDatasourceIsTheDefault() {
        assertThat(list(datasources.path("datasources")))
                .filteredOn(d -> d.path("isDefault").asBoolean())
                .extracting(d -> d.path("uid").asText())
                .containsExactly("peaktrade-prometheus-local");
    }

    @Test
    void theDatasourceFileIsTheOnlyOneSoNoOtherFileCanAddASecondDefault() throws IOException {
        try (Stream<Path> files = Files.list(GrafanaAssets.DATASOURCES.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("datasources.yaml");
        }
    }

    @Test
    void everyDatasourceIsAReadOnlyProxiedPrometheusInOrgOneQueriedByPost() {
        assertThat(list(datasources.path("datasources"))).allSatisfy(d -> {
            assertThat(d.path("type").asText()).isEqualTo("prometheus");
            assertThat(d.path("access").asText()).isEqualTo("proxy");
            assertThat(d.path("orgId").asInt()).isEqualTo(1);
            assertThat(d.path("editable").isBoolean()).isTrue();
            assertThat(d.path("editable").asBoolean()).isFalse();
            assertThat(d.path("jsonData").path("httpMethod").asText()).isEqualTo("POST");
            assertThat(d.path("jsonData").path("prometheusType").asText()).isEqualTo("Prometheus");
        });
    }

    @Test
    void noDatasourceUrlUsesAHostPortOrLoopbackThatContainersCannotReach() {
        assertThat(list(datasources.path("datasources")))
                .extracting(d -> d.path("url").asText())
                .noneMatch(url -> url.contains("localhost") || url.contains("127.0.0.1") || url.contains(":9092")
                        || url.contains(":9091"));
    }

    @Test
    void provisioningDeletesNoDatasource() {
        assertThat(datasources.has("deleteDatasources")).isFalse();
    }

    @Test
    void theProviderReadsTheMountedDashboardsWithFoldersFromTheFileStructure() {
        List<JsonNode> all = list(providers.path("providers"));
        assertThat(all).hasSize(1);
        JsonNode provider = all.get(0);
        assertThat(provider.path("name").asText()).isEqualTo("Peak_Trade");
        assertThat(provider.path("orgId").asInt()).isEqualTo(1);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(provider.path("disableDeletion").asBoolean()).isTrue();
        assertThat(provider.path("allowUiUpdates").isBoolean()).isTrue();
        assertThat(provider.path("allowUiUpdates").asBoolean()).isFalse();
        assertThat(provider.path("updateIntervalSeconds").asInt()).isEqualTo(30);
        assertThat(provider.path("options").path("path").asText()).isEqualTo("/etc/grafana/dashboards");
        assertThat(provider.path("options").path("foldersFromFilesStructure").asBoolean()).isTrue();
    }

    @Test
    void theProviderSetsNeitherFolderNorFolderUidBecauseTheFileStructureDecides() {
        assertThat(list(providers.path("providers")))
                .allSatisfy(p -> assertThat(p.has("folder") || p.has("folderUid") || p.has("folderUID")).isFalse());
    }

    @Test
    void dashboardFilesAreExactlyTheFourOneFolderDeep() throws IOException {
        try (Stream<Path> files = Files.walk(GrafanaAssets.DASHBOARDS)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> GrafanaAssets.DASHBOARDS.relativize(f).toString()))
                    .containsExactlyInAnyOrder(Stream.of(GrafanaAssets.Spec.values())
                            .map(s -> GrafanaAssets.DASHBOARDS.relativize(s.file).toString()).toArray(String[]::new));
        }
    }
}
