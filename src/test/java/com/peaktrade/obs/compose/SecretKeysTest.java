package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretKeysTest {
    @ParameterizedTest
    @CsvSource({"GF_SECURITY_ADMIN_PASSWORD,true", "GITHUB_TOKEN,true", "AWS_SECRET_ACCESS_KEY,false",
        "MY_SECRET,true", "API_KEY,true", "GF_SECURITY_ADMIN_USER,false", "GF_SECURITY_ADMIN_PASSWORD__FILE,false",
        "PATH,false"})
    void secretLookingKeysAreRecognised(String key, boolean secret) {
        assertThat(SecretKeys.isSecret(key)).isEqualTo(secret);
    }

    @Test
    void printedConfigMasksThePasswordButKeepsOtherValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, """
                services:
                  grafana:
                    image: grafana/grafana:12.4.5
                    environment:
                      GF_SECURITY_ADMIN_USER: admin
                      GF_SECURITY_ADMIN_PASSWORD: ${GRAFANA_ADMIN_PASSWORD}
                """);
        var project = new ComposeLoader().load(new LoadRequest(java.util.List.of(file), "p",
                Map.of("GRAFANA_ADMIN_PASSWORD", "s3cr3t-pw"), null)).project();

        String json = ComposeConfigWriter.toJson(project);
        String yaml = ComposeConfigWriter.toYaml(project);

        assertThat(json).doesNotContain("s3cr3t-pw").contains("\"GF_SECURITY_ADMIN_PASSWORD\": \"********\"")
                .contains("\"GF_SECURITY_ADMIN_USER\": \"admin\"");
        assertThat(yaml).doesNotContain("s3cr3t-pw");
        assertThat(project.service("grafana").environment()).containsEntry("GF_SECURITY_ADMIN_PASSWORD", "s3cr3t-pw");
    }
}
