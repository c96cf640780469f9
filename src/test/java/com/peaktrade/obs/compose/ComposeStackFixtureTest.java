package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The good and the bad fixture under src/test/resources/compose. */
class ComposeStackFixtureTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ComposeStackFixtureTest.class.getResource("/compose/" + name).toURI());
    }

    private static LoadResult load(Path... files) {
        return new ComposeLoader().load(new LoadRequest(java.util.List.of(files), null, Map.of("HOME", "/home/t"), null));
    }

    @Test
    void theGoodStackLoadsWithItsDotEnvAndOverride() throws Exception {
        Path base = resource("stack/compose.yaml");
        LoadResult result = load(base, resource("stack/override.yaml"));
        ComposeProject project = result.project();
        assertThat(result.warnings()).isEmpty();
        assertThat(project.name()).isEqualTo("stack");
        assertThat(project.startOrder()).containsExactly("prometheus", "grafana");
        ServiceSpec prometheus = project.service("prometheus");
        assertThat(prometheus.restart()).isEqualTo("unless-stopped");
        assertThat(prometheus.ports()).containsExactly(new PortSpec("127.0.0.1", "9092", 9090, "tcp"),
                new PortSpec("127.0.0.1", "9093", 9090, "tcp"));
        assertThat(prometheus.volumes().get(0).source()).isEqualTo(base.getParent().resolve("prometheus/prometheus.yml").toString());
        ServiceSpec grafana = project.service("grafana");
        assertThat(grafana.image()).isEqualTo("grafana/grafana:11.1.0");
        assertThat(grafana.environment()).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
                .containsEntry("GF_SECURITY_ADMIN_PASSWORD", "admin");
        assertThat(grafana.dependsOn().get("prometheus").condition()).isEqualTo(DependsOn.HEALTHY);
    }

    @Test
    void theBadStackIsRefusedWithFileAndLine() throws Exception {
        Path bad = resource("bad/compose.yaml");
        assertThatThrownBy(() -> load(bad)).isInstanceOf(ConfigException.class)
                .hasMessage(bad + ":4: services.prometheus.ports must be a list, not the value 9090");
    }
}
