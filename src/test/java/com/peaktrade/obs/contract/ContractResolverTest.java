package com.peaktrade.obs.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --contract FILE, else peaktrade-obs.yaml in the assets directory, else the embedded default. */
class ContractResolverTest {
    private static final String MINIMAL = "apiVersion: peaktrade-obs/v1\n";

    private static Contract resolve(Path contract, Path assetsDir, Path workingDir) {
        return ContractResolver.resolve(new ContractResolver.Request(contract, assetsDir, workingDir), ContractFixtures.LOADER);
    }

    /** A directory AssetLocator takes for assets: compose/, prometheus/, grafana/. */
    private static Path assets(Path dir, boolean withContract) throws Exception {
        for (String folder : new String[] {"compose", "prometheus", "grafana"}) {
            Files.createDirectories(dir.resolve(folder));
        }
        Files.writeString(dir.resolve("compose/prometheus-local.yaml"), "services: {}\n");
        if (withContract) {
            Files.writeString(dir.resolve(Contract.FILE_NAME), MINIMAL);
        }
        return dir;
    }

    @Test
    void anExplicitContractWinsOverTheAssetsOne(@TempDir Path dir) throws Exception {
        Path assets = assets(dir.resolve("assets"), true);
        Path mine = dir.resolve("mine.yaml");
        Files.writeString(mine, MINIMAL + "prometheus:\n  jobs: [mine]\n");
        Contract contract = resolve(mine, assets, assets);
        assertThat(contract.origin().kind()).isEqualTo(ContractOrigin.Kind.OPTION);
        assertThat(contract.origin().describe()).isEqualTo("--contract " + mine);
        assertThat(contract.prometheus().jobs().entries()).extracting(ExpectedJob::name).containsExactly("mine");
    }

    @Test
    void theAssetsDirectoryGivesItsContract(@TempDir Path dir) throws Exception {
        Path assets = assets(dir, true);
        Contract contract = resolve(null, assets, Path.of(""));
        assertThat(contract.origin().kind()).isEqualTo(ContractOrigin.Kind.ASSETS);
        assertThat(contract.origin().file()).isEqualTo(assets.toAbsolutePath().normalize().resolve(Contract.FILE_NAME).toString());
        assertThat(contract.origin().describe()).endsWith("(assets directory from --assets-dir)");
        assertThat(contract.origin().directory()).contains(assets.toAbsolutePath().normalize());
    }

    @Test
    void aCheckoutAsWorkingDirectoryGivesItsContract(@TempDir Path dir) throws Exception {
        Path checkout = assets(dir, true);
        Contract contract = resolve(null, null, checkout);
        assertThat(contract.origin().kind()).isEqualTo(ContractOrigin.Kind.ASSETS);
        assertThat(contract.origin().detail()).isEqualTo("assets directory from checkout " + checkout.toAbsolutePath().normalize());
    }

    @Test
    void assetsWithoutAContractFallBackToTheEmbeddedOneAndSayWhy(@TempDir Path dir) throws Exception {
        Path assets = assets(dir, false);
        Contract contract = resolve(null, assets, Path.of(""));
        assertThat(contract.origin().kind()).isEqualTo(ContractOrigin.Kind.EMBEDDED);
        assertThat(contract.origin().describe()).isEqualTo("embedded default (no peaktrade-obs.yaml in "
                + assets.toAbsolutePath().normalize() + ", the assets directory from --assets-dir)");
        assertThat(contract.stack("shadow")).isPresent();
    }

    @Test
    void noCheckoutAndNoOptionsGiveTheEmbeddedOne(@TempDir Path dir) {
        Contract contract = resolve(null, null, dir);
        assertThat(contract.origin().kind()).isEqualTo(ContractOrigin.Kind.EMBEDDED);
        assertThat(contract.origin().file()).isEqualTo("embedded:peaktrade-obs.yaml");
        assertThat(contract.origin().directory()).isEmpty();
    }

    @Test
    void aBrokenContractInTheAssetsIsAnErrorNotASilentFallBack(@TempDir Path dir) throws Exception {
        Path assets = assets(dir, false);
        Files.writeString(assets.resolve(Contract.FILE_NAME), MINIMAL + "grafana:\n  dashbords: []\n");
        assertThatThrownBy(() -> resolve(null, assets, Path.of("")))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining(Contract.FILE_NAME + ":3: unknown key 'dashbords' in grafana, did you mean 'dashboards'?");
    }

    @Test
    void anAssetsDirectoryThatIsNoneIsAConfigurationError(@TempDir Path dir) {
        assertThatThrownBy(() -> resolve(null, dir, Path.of("")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--assets-dir " + dir + " lacks compose, prometheus, grafana");
    }
}
