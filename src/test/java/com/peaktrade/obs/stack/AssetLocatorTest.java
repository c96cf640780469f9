package com.peaktrade.obs.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetLocatorTest {
    @TempDir
    Path dir;

    @Test
    void embeddedAssetsAreExtractedOnceAndReusedWhileIntact() throws Exception {
        Path first = AssetLocator.extractEmbedded(dir);
        Path marker = first.resolve("compose/prometheus-local.yaml");
        long modified = Files.getLastModifiedTime(marker).toMillis();

        Path second = AssetLocator.extractEmbedded(dir);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(marker).toMillis()).isEqualTo(modified);
        assertThat(first.resolve("grafana/provisioning/datasources")).isDirectory();
        assertThat(first.resolve("prometheus/prometheus-shadow.yml")).isRegularFile();
    }

    @Test
    void tamperedOrHalfDeletedExtractionIsDetectedAndExtractedAgain() throws Exception {
        Path extracted = AssetLocator.extractEmbedded(dir);
        Path file = extracted.resolve("prometheus/prometheus-shadow.yml");
        String original = Files.readString(file);
        Files.writeString(file, "scrape_configs: []\n");
        Files.delete(extracted.resolve("compose/grafana.yaml"));

        Path again = AssetLocator.extractEmbedded(dir);

        assertThat(Files.readString(again.resolve("prometheus/prometheus-shadow.yml"))).isEqualTo(original);
        assertThat(again.resolve("compose/grafana.yaml")).isRegularFile();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".assets-"));
        }
    }

    @Test
    void aUsersAssetsDirIsUsedAsIsAndNeverWritten() throws Exception {
        Path mine = dir.resolve("mine");
        for (String f : AssetLocator.FOLDERS) {
            Files.createDirectories(mine.resolve(f));
        }
        Files.writeString(mine.resolve("compose/x.yaml"), "services: {}\n");
        long before = Files.getLastModifiedTime(mine.resolve("compose/x.yaml")).toMillis();

        var assets = AssetLocator.locate(mine, dir, Map.of("XDG_STATE_HOME", dir.resolve("state").toString()));

        assertThat(assets.dir()).isEqualTo(mine);
        assertThat(assets.source()).isEqualTo("--assets-dir");
        assertThat(Files.getLastModifiedTime(mine.resolve("compose/x.yaml")).toMillis()).isEqualTo(before);
        try (var files = Files.walk(mine)) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void assetsDirWithoutTheFoldersIsAConfigErrorNamingWhatIsMissing() throws Exception {
        Files.createDirectories(dir.resolve("half/compose"));
        assertThatThrownBy(() -> AssetLocator.locate(dir.resolve("half"), dir, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lacks prometheus, grafana");
    }
}
