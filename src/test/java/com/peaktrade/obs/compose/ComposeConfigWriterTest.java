package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output matches the shape of docker compose config --format json. */
class ComposeConfigWriterTest {
    private static final String COMPOSE = """
            name: obs
            services:
              prometheus:
                image: prom/prometheus:v2.53.0
                command: --config.file=/etc/prometheus/prometheus.yml
                environment: [A=1, B]
                ports: ["127.0.0.1:9092:9090"]
                volumes:
                  - ./prometheus.yml:/etc/prometheus/prometheus.yml:ro
                  - data:/prometheus
                extra_hosts: ["host.docker.internal:host-gateway"]
                healthcheck: {test: wget -q -O- localhost:9090, interval: 90s, retries: 3}
                depends_on: [grafana]
              grafana:
                image: grafana/grafana
                restart: unless-stopped
                user: "472"
            volumes:
              data:
            """;

    @TempDir
    Path dir;
    private ComposeProject project;

    @BeforeEach
    void setUp() {
        project = new ComposeFixture(dir).project(COMPOSE);
    }

    @Test
    void jsonHasComposesTopLevelShape() throws Exception {
        JsonNode root = new JsonMapper().readTree(ComposeConfigWriter.toJson(project));
        assertThat(root.get("name").asText()).isEqualTo("obs");
        assertThat(root.get("services").fieldNames()).toIterable().containsExactly("prometheus", "grafana");
        assertThat(root.at("/networks/default/name").asText()).isEqualTo("obs_default");
        assertThat(root.at("/volumes/data/name").asText()).isEqualTo("obs_data");
    }

    @Test
    void jsonServicesUseLongSyntaxWithAbsoluteBindSources() throws Exception {
        JsonNode prometheus = new JsonMapper().readTree(ComposeConfigWriter.toJson(project)).at("/services/prometheus");
        assertThat(prometheus.get("ports").get(0)).isEqualTo(new JsonMapper().readTree(
                "{\"mode\":\"ingress\",\"host_ip\":\"127.0.0.1\",\"target\":9090,\"published\":\"9092\",\"protocol\":\"tcp\"}"));
        assertThat(prometheus.get("volumes").get(0)).isEqualTo(new JsonMapper().readTree("{\"type\":\"bind\",\"source\":\""
                + dir.resolve("prometheus.yml") + "\",\"target\":\"/etc/prometheus/prometheus.yml\",\"read_only\":true,"
                + "\"bind\":{\"create_host_path\":true}}"));
        assertThat(prometheus.get("volumes").get(1)).isEqualTo(new JsonMapper().readTree(
                "{\"type\":\"volume\",\"source\":\"data\",\"target\":\"/prometheus\",\"volume\":{}}"));
        assertThat(prometheus.get("command").toString()).isEqualTo("[\"--config.file=/etc/prometheus/prometheus.yml\"]");
        assertThat(prometheus.get("environment").toString()).isEqualTo("{\"A\":\"1\",\"B\":null}");
        assertThat(prometheus.get("networks").toString()).isEqualTo("{\"default\":null}");
        assertThat(prometheus.get("extra_hosts").toString()).isEqualTo("[\"host.docker.internal=host-gateway\"]");
        assertThat(prometheus.at("/depends_on/grafana").toString())
                .isEqualTo("{\"condition\":\"service_started\",\"required\":true}");
        assertThat(prometheus.get("healthcheck").toString()).isEqualTo(
                "{\"test\":[\"CMD-SHELL\",\"wget -q -O- localhost:9090\"],\"interval\":\"1m30s\",\"retries\":3}");
    }

    @Test
    void absentOptionalFieldsAreLeftOut() throws Exception {
        JsonNode grafana = new JsonMapper().readTree(ComposeConfigWriter.toJson(project)).at("/services/grafana");
        assertThat(grafana.fieldNames()).toIterable().containsExactly("image", "networks", "restart", "user");
    }

    @Test
    void yamlCarriesTheSameTreeWithStringsKeptAsStrings() throws Exception {
        JsonNode fromYaml = new YAMLMapper().readTree(ComposeConfigWriter.toYaml(project));
        JsonNode fromJson = new JsonMapper().readTree(ComposeConfigWriter.toJson(project));
        assertThat(fromYaml).isEqualTo(fromJson);
        assertThat(ComposeConfigWriter.toYaml(project)).contains("user: \"472\"").doesNotStartWith("---");
    }
}
