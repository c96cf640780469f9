package com.peaktrade.obs.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractLoader;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.lint.Rule;
import com.peaktrade.obs.lint.Rules;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointResolverTest {
    private static final Contract EMBEDDED = new ContractLoader(Rules.all().stream().map(Rule::id).toList())
            .loadEmbedded("test");
    private static final StackDefinition SHADOW = EMBEDDED.stack("shadow").orElseThrow();
    private static final AccessOptions NO_LOGIN_OPTIONS = AccessOptions.NONE;

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

            @Override
            public Optional<String> absence(String service, int containerPort) {
                return published.containsKey(service) ? Optional.empty()
                        : Optional.of("container p-" + service + "-1 is exited (exit code 137)");
            }
        };
    }

    private static Endpoints resolve(StackDefinition stack, String project, Map<Role, String> urls, Map<String, String> env,
            RunningProject running) {
        return EndpointResolver.resolve(new EndpointResolver.Request(stack, project, urls, NO_LOGIN_OPTIONS), env, running);
    }

    @Test
    void withoutAnythingTheStackDefaultsOnLoopbackAreUsedAndMarkedDefaulted() {
        Endpoints e = resolve(SHADOW, null, Map.of(), Map.of(), RunningProject.NONE);
        VerifyTargets t = e.verifyTargets();
        assertThat(t.prometheus()).isEqualTo(URI.create("http://127.0.0.1:9092"));
        assertThat(t.grafana()).isEqualTo(URI.create("http://127.0.0.1:3000"));
        assertThat(t.exporter()).isEqualTo(URI.create("http://127.0.0.1:9109/metrics"));
        assertThat(t.access().grafana().describe()).as("no admin/admin default").isEqualTo("no credentials");
        assertThat(e.defaultedNotes()).containsExactly("prometheus http://127.0.0.1:9092 (defaulted: no --prometheus-url)",
                "grafana http://127.0.0.1:3000 (defaulted: no --grafana-url)",
                "exporter http://127.0.0.1:9109/metrics (defaulted: no --exporter-url)");
        assertThat(e.found(Role.GRAFANA)).as("the troubleshooting commands never use a guess").isEmpty();
    }

    @Test
    void onlyTheEndpointsNobodyGaveAreDefaultedAndThePortVariableMovesTheDefault() {
        Endpoints e = resolve(SHADOW, null, Map.of(Role.PROMETHEUS, "http://prom.example:9090"),
                Map.of("PEAKTRADE_OBS_GRAFANA_PORT", "3300"), RunningProject.NONE);
        assertThat(e.get(Role.PROMETHEUS).orElseThrow().origin()).isEqualTo(Endpoint.Origin.OPTION);
        assertThat(e.defaultedNotes()).containsExactly("grafana http://127.0.0.1:3300 (defaulted: no --grafana-url)",
                "exporter http://127.0.0.1:9109/metrics (defaulted: no --exporter-url)");
        assertThat(e.verifyTargets().defaulted(Role.GRAFANA)).contains("no --grafana-url");
        assertThat(e.verifyTargets().defaulted(Role.PROMETHEUS)).isEmpty();
    }

    @Test
    void aRunningProjectsPublishedPortsAndGrafanaCredentialsAreFound() {
        Endpoints e = resolve(SHADOW, "p", Map.of(), Map.of(), running(
                Map.of("prometheus-local", "127.0.0.1:19092", "grafana", "0.0.0.0:3001", "shadow-mvs-exporter", "127.0.0.1:19109"),
                Map.of("GF_SECURITY_ADMIN_USER", "ops", "GF_SECURITY_ADMIN_PASSWORD", "started-with")));
        VerifyTargets t = e.verifyTargets();
        assertThat(t.prometheus()).isEqualTo(URI.create("http://127.0.0.1:19092"));
        assertThat(t.grafana()).isEqualTo(URI.create("http://127.0.0.1:3001"));
        assertThat(t.exporter()).isEqualTo(URI.create("http://127.0.0.1:19109/metrics"));
        assertThat(header(t)).isEqualTo(basic("ops", "started-with"));
        assertThat(t.toString()).doesNotContain("started-with");
        assertThat(e.get(Role.GRAFANA).orElseThrow().toString()).doesNotContain("started-with");
        assertThat(e.defaultedNotes()).isEmpty();
        assertThat(e.found(Role.GRAFANA).orElseThrow().describe()).isEqualTo("grafana http://127.0.0.1:3001 (from project p's published port)");
    }

    @Test
    void aServiceTheProjectDoesNotPublishIsDefaultedForVerifyAndExplainedForTheTroubleshootingCommands() {
        Endpoints e = resolve(SHADOW, "p", Map.of(), Map.of(), running(
                Map.of("prometheus-local", "127.0.0.1:19092", "shadow-mvs-exporter", "127.0.0.1:19109"), Map.of()));
        assertThat(e.url(Role.GRAFANA)).isEqualTo(URI.create("http://127.0.0.1:3000"));
        assertThat(e.found(Role.GRAFANA)).isEmpty();
        assertThat(e.whyNone(Role.GRAFANA, "?")).isEqualTo("container p-grafana-1 is exited (exit code 137)");
        assertThat(e.defaultedNotes()).containsExactly(
                "grafana http://127.0.0.1:3000 (defaulted: no --grafana-url, and container p-grafana-1 is exited (exit code 137))");
    }

    @Test
    void optionsBeatTheOldScriptsVariablesWhichBeatTheProject() {
        Endpoints e = resolve(SHADOW, "p", Map.of(Role.PROMETHEUS, "http://prom.example:9090"),
                Map.of("PROM_URL", "http://old:1", "GRAFANA_URL", "http://old-grafana:3000"),
                running(Map.of("grafana", "127.0.0.1:3001"), Map.of()));
        assertThat(e.url(Role.PROMETHEUS)).isEqualTo(URI.create("http://prom.example:9090"));
        assertThat(e.url(Role.GRAFANA)).isEqualTo(URI.create("http://old-grafana:3000"));
        assertThat(e.get(Role.GRAFANA).orElseThrow().describe()).isEqualTo("grafana http://old-grafana:3000 (from GRAFANA_URL)");
    }

    @Test
    void withoutAStackOnlyTheGivenUrlsAreResolvedAndAnyOneOfThemMeansUrlMode() {
        Endpoints e = resolve(null, null, Map.of(Role.EXPORTER, "http://127.0.0.1:9109/metrics"), Map.of(), RunningProject.NONE);
        assertThat(e.byRole()).containsOnlyKeys(Role.EXPORTER);
        Set<Role> all = EnumSet.allOf(Role.class);
        assertThat(EndpointResolver.anyUrl(all, Map.of(Role.EXPORTER, "http://x:1"), Map.of())).isTrue();
        assertThat(EndpointResolver.anyUrl(all, Map.of(), Map.of("GRAFANA_URL", "http://g:3000"))).isTrue();
        assertThat(EndpointResolver.anyUrl(all, Map.of(), Map.of("GRAFANA_URL", " "))).isFalse();
        assertThat(EndpointResolver.anyUrl(EnumSet.of(Role.PROMETHEUS), Map.of(), Map.of("GRAFANA_URL", "http://g:3000")))
                .as("a command that only asks Prometheus is not put in URL mode by GRAFANA_URL").isFalse();
    }

    @Test
    void grafanaAuthIsAcceptedForCompatibilityAndAMalformedOneIsAConfigError() {
        VerifyTargets t = resolve(SHADOW, null, Map.of(), Map.of("GRAFANA_AUTH", "ci:pa:ss"), RunningProject.NONE).verifyTargets();
        assertThat(header(t)).isEqualTo(basic("ci", "pa:ss"));
        assertThatThrownBy(() -> resolve(SHADOW, null, Map.of(), Map.of("GRAFANA_AUTH", "nocolon"), RunningProject.NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GRAFANA_AUTH must be user:password")
                .hasMessageNotContaining("nocolon");
    }

    @Test
    void passwordFileWinsAndItsTrailingNewlineIsNotPartOfThePassword(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\n");
        var request = new EndpointResolver.Request(EMBEDDED.stack("grafana").orElseThrow(), null, Map.of(),
                AccessOptions.grafanaBasic("ops", file));
        VerifyTargets t = EndpointResolver.resolve(request, Map.of("GRAFANA_AUTH", "x:y"), RunningProject.NONE).verifyTargets();
        assertThat(header(t)).isEqualTo(basic("ops", "from-file"));
        assertThat(t.exporter()).as("grafana stack has no exporter").isNull();
    }

    @Test
    void malformedUrlsAndUrlsWithCredentialsAreConfigErrors() {
        assertThatThrownBy(() -> resolve(SHADOW, null, Map.of(Role.PROMETHEUS, "not a url"), Map.of(), RunningProject.NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--prometheus-url");
        assertThatThrownBy(() -> resolve(SHADOW, null, Map.of(Role.GRAFANA, "http://admin:secret@h:3000"), Map.of(),
                RunningProject.NONE)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("credentials in the URL").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> resolve(SHADOW, null, Map.of(Role.PROMETHEUS, "ftp://h:1"), Map.of(), RunningProject.NONE))
                .isInstanceOf(ConfigException.class);
    }
}
