package com.peaktrade.obs.stack;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractLoader;
import com.peaktrade.obs.lint.Rule;
import com.peaktrade.obs.lint.Rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetResolverTest {
    private static final Contract EMBEDDED = new ContractLoader(Rules.all().stream().map(Rule::id).toList())
            .loadEmbedded("test");
    private static final TargetResolver.Request SHADOW = new TargetResolver.Request(EMBEDDED.stack("shadow").orElseThrow(), null, null, null, AccessOptions.NONE);

    private static String header(VerifyTargets t) {
        return t.access().grafana().settings().credentials().header();
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static RunningProject running(Map<String, String> published, Map<String, String> grafanaEnv) {
        return new RunningProject() {
            @Override
            public Optional<String> published(String service, int containerPort) {
                return Optional.ofNullable(published.get(service));
            }

            @Override
            public Map<String, String> environment(String service) {
                return service.equals("grafana") ? grafanaEnv : Map.of();
            }
        };
    }

    @Test
    void withoutAnythingTheStackDefaultsOnLoopbackAreUsed() {
        VerifyTargets t = TargetResolver.resolve(SHADOW, Map.of(), null, RunningProject.NONE);
        assertThat(t.prometheus()).isEqualTo(URI.create("http://127.0.0.1:9092"));
        assertThat(t.grafana()).isEqualTo(URI.create("http://127.0.0.1:3000"));
        assertThat(t.exporter()).isEqualTo(URI.create("http://127.0.0.1:9109/metrics"));
        assertThat(t.access().grafana().describe()).as("no admin/admin default").isEqualTo("no credentials");
    }

    @Test
    void aRunningProjectsPublishedPortsAndGrafanaCredentialsAreFound() {
        VerifyTargets t = TargetResolver.resolve(SHADOW, Map.of(), "p", running(
                Map.of("prometheus-local", "127.0.0.1:19092", "grafana", "0.0.0.0:3001", "shadow-mvs-exporter", "127.0.0.1:19109"),
                Map.of("GF_SECURITY_ADMIN_USER", "ops", "GF_SECURITY_ADMIN_PASSWORD", "started-with")));
        assertThat(t.prometheus()).isEqualTo(URI.create("http://127.0.0.1:19092"));
        assertThat(t.grafana()).isEqualTo(URI.create("http://127.0.0.1:3001"));
        assertThat(t.exporter()).isEqualTo(URI.create("http://127.0.0.1:19109/metrics"));
        assertThat(header(t)).isEqualTo(basic("ops", "started-with"));
        assertThat(t.access().grafana().describe())
                .isEqualTo("basic auth for user ops from the running Grafana container's environment");
        assertThat(t.toString()).doesNotContain("started-with");
    }

    @Test
    void optionsBeatTheOldScriptsVariablesWhichBeatTheProject() {
        var request = new TargetResolver.Request(EMBEDDED.stack("shadow").orElseThrow(), "http://prom.example:9090", null, null, AccessOptions.NONE);
        VerifyTargets t = TargetResolver.resolve(request, Map.of("PROM_URL", "http://old:1", "GRAFANA_URL", "http://old-grafana:3000"),
                "p", running(Map.of("grafana", "127.0.0.1:3001"), Map.of()));
        assertThat(t.prometheus()).isEqualTo(URI.create("http://prom.example:9090"));
        assertThat(t.grafana()).isEqualTo(URI.create("http://old-grafana:3000"));
    }

    @Test
    void grafanaAuthIsAcceptedForCompatibilityAndAMalformedOneIsAConfigError() {
        VerifyTargets t = TargetResolver.resolve(SHADOW, Map.of("GRAFANA_AUTH", "ci:pa:ss"), null, RunningProject.NONE);
        assertThat(header(t)).isEqualTo(basic("ci", "pa:ss"));
        assertThatThrownBy(() -> TargetResolver.resolve(SHADOW, Map.of("GRAFANA_AUTH", "nocolon"), null, RunningProject.NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GRAFANA_AUTH must be user:password")
                .hasMessageNotContaining("nocolon");
    }

    @Test
    void passwordFileWinsAndItsTrailingNewlineIsNotPartOfThePassword(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\n");
        var request = new TargetResolver.Request(EMBEDDED.stack("grafana").orElseThrow(), null, null, null, AccessOptions.grafanaBasic("ops", file));
        VerifyTargets t = TargetResolver.resolve(request, Map.of("GRAFANA_AUTH", "x:y"), null, RunningProject.NONE);
        assertThat(header(t)).isEqualTo(basic("ops", "from-file"));
        assertThat(t.exporter()).as("grafana stack has no exporter").isNull();
    }

    @Test
    void malformedUrlsAndUrlsWithCredentialsAreConfigErrors() {
        assertThatThrownBy(() -> TargetResolver.resolve(new TargetResolver.Request(EMBEDDED.stack("shadow").orElseThrow(), "not a url", null, null, AccessOptions.NONE),
                Map.of(), null, RunningProject.NONE)).isInstanceOf(ConfigException.class).hasMessageContaining("--prometheus-url");
        assertThatThrownBy(() -> TargetResolver.resolve(new TargetResolver.Request(EMBEDDED.stack("shadow").orElseThrow(), null, "http://admin:secret@h:3000", null, AccessOptions.NONE),
                Map.of(), null, RunningProject.NONE)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("credentials in the URL").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> TargetResolver.resolve(new TargetResolver.Request(EMBEDDED.stack("shadow").orElseThrow(), "ftp://h:1", null, null, AccessOptions.NONE),
                Map.of(), null, RunningProject.NONE)).isInstanceOf(ConfigException.class);
    }
}
