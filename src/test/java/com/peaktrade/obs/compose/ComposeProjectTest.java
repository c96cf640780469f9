package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** startOrder, chain heads and the config hash on hand-built projects. */
class ComposeProjectTest {
    private static final ServiceSpec BASE = new ServiceSpec("app", "app:1", null, null, Map.of(), List.of(), List.of(),
            List.of(), null, Map.of(), null, Map.of(), null, List.of("default"));

    private static ServiceSpec service(String name, String... dependencies) {
        Map<String, DependsOn> dependsOn = new LinkedHashMap<>();
        for (String dependency : dependencies) {
            dependsOn.put(dependency, new DependsOn(DependsOn.STARTED, true));
        }
        return new ServiceSpec(name, "img", null, null, Map.of(), List.of(), List.of(), List.of(), null, dependsOn, null,
                Map.of(), null, List.of("default"));
    }

    private static ComposeProject project(ServiceSpec... services) {
        Map<String, ServiceSpec> byName = new LinkedHashMap<>();
        for (ServiceSpec service : services) {
            byName.put(service.name(), service);
        }
        return new ComposeProject("p", Path.of("/p"), List.of(), byName, Map.of(), Map.of());
    }

    @Test
    void startOrderPutsDependenciesFirstAndKeepsFileOrderOtherwise() {
        ComposeProject project = project(service("web", "api"), service("api", "db", "cache"), service("tools"),
                service("db"), service("cache"));
        assertThat(project.startOrder()).containsExactly("tools", "db", "cache", "api", "web");
    }

    @Test
    void startOrderWithoutDependenciesIsFileOrder() {
        assertThat(project(service("c"), service("a"), service("b")).startOrder()).containsExactly("c", "a", "b");
    }

    @Test
    void chainHeadsAreTheDependenciesThatDependOnNothingAndStandaloneServicesHaveNeitherSide() {
        // the shadow stack's shape plus a longer chain: exporter is standalone, prometheus and db head chains
        ComposeProject project = project(service("exporter"), service("grafana", "prometheus"), service("prometheus"),
                service("web", "api"), service("api", "db"), service("db"));
        assertThat(project.chainHeads()).containsExactly("prometheus", "db");
        assertThat(project.standalone("exporter")).isTrue();
        assertThat(project.standalone("prometheus")).isFalse();
        assertThat(project.standalone("grafana")).isFalse();
        assertThat(project.standalone("api")).isFalse();
    }

    @Test
    void withoutDependenciesThereAreNoChainHeadsAndEveryServiceIsStandalone() {
        ComposeProject project = project(service("c"), service("a"));
        assertThat(project.chainHeads()).isEmpty();
        assertThat(project.standalone("c")).isTrue();
        assertThat(project.standalone("a")).isTrue();
    }

    @Test
    void aCycleIsAConfigErrorNamingIt() {
        ComposeProject project = project(service("free"), service("a", "b"), service("b", "a"));
        assertThatThrownBy(project::startOrder).isInstanceOf(ConfigException.class)
                .hasMessage("dependency cycle detected: a -> b -> a");
    }

    @Test
    void aSelfDependencyIsACycle() {
        assertThatThrownBy(project(service("a", "a"))::startOrder).hasMessage("dependency cycle detected: a -> a");
    }

    @Test
    void anUnknownServiceNamesTheKnownOnes() {
        assertThatThrownBy(() -> project(service("a"), service("b")).service("c"))
                .hasMessage("no such service: c (project p has a, b)");
    }

    @Test
    void theConfigHashIsStableHexSha256() {
        ServiceSpec copy = new ServiceSpec("app", "app:1", null, null, Map.of(), List.of(), List.of(), List.of(), null,
                Map.of(), null, Map.of(), null, List.of("default"));
        assertThat(BASE.configHash()).matches("[0-9a-f]{64}").isEqualTo(copy.configHash());
    }

    @Test
    void theConfigHashIgnoresTheOrderOfEnvironmentEntries() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("A", "1");
        ab.put("B", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("B", "2");
        ba.put("A", "1");
        assertThat(withEnvironment(ab).configHash()).isEqualTo(withEnvironment(ba).configHash());
    }

    @Test
    void theConfigHashLeavesOutTheNameAndDependsOnAsComposeDoes() {
        ServiceSpec renamed = new ServiceSpec("other", BASE.image(), BASE.command(), BASE.entrypoint(), BASE.environment(),
                BASE.ports(), BASE.volumes(), BASE.extraHosts(), BASE.restart(), Map.of("db", new DependsOn(DependsOn.HEALTHY, true)),
                BASE.healthcheck(), BASE.labels(), BASE.user(), BASE.networks());
        assertThat(renamed.configHash()).isEqualTo(BASE.configHash());
    }

    private static ServiceSpec withEnvironment(Map<String, String> environment) {
        return new ServiceSpec("app", "app:1", null, null, environment, List.of(), List.of(), List.of(), null, Map.of(),
                null, Map.of(), null, List.of("default"));
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change("image", s -> copy(s, "app:2", null, null, null, null, null, null)),
                change("command", s -> copy(s, null, List.of("run"), null, null, null, null, null)),
                change("environment", s -> copy(s, null, null, Map.of("A", "1"), null, null, null, null)),
                change("ports", s -> copy(s, null, null, null, List.of(new PortSpec("", "80", 80, "tcp")), null, null, null)),
                change("volumes", s -> copy(s, null, null, null, null, List.of(new VolumeSpec("bind", "/a", "/a", true)), null,
                        null)),
                change("healthcheck", s -> copy(s, null, null, null, null, null,
                        new HealthcheckSpec(List.of("CMD", "true"), Duration.ofSeconds(5), null, null, null, false), null)),
                change("labels", s -> copy(s, null, null, null, null, null, null, Map.of("k", "v"))));
    }

    private static Arguments change(String field, UnaryOperator<ServiceSpec> change) {
        return Arguments.of(field, change);
    }

    private static ServiceSpec copy(ServiceSpec s, String image, List<String> command, Map<String, String> environment,
            List<PortSpec> ports, List<VolumeSpec> volumes, HealthcheckSpec healthcheck, Map<String, String> labels) {
        return new ServiceSpec(s.name(), image != null ? image : s.image(), command != null ? command : s.command(),
                s.entrypoint(), environment != null ? environment : s.environment(), ports != null ? ports : s.ports(),
                volumes != null ? volumes : s.volumes(), s.extraHosts(), s.restart(), s.dependsOn(),
                healthcheck != null ? healthcheck : s.healthcheck(), labels != null ? labels : s.labels(), s.user(),
                s.networks());
    }

    @ParameterizedTest(name = "changing {0} changes the hash")
    @MethodSource("changes")
    void theConfigHashChangesWhenAFieldChanges(String field, UnaryOperator<ServiceSpec> change) {
        assertThat(change.apply(BASE).configHash()).isNotEqualTo(BASE.configHash());
    }
}
