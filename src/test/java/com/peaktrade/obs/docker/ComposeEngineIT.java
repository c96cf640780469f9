package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.peaktrade.obs.compose.ComposeLoader;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.LoadRequest;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The compose engine against the real engine: up, down, ps, logs on real containers. */
@ExtendWith(EngineExtension.class)
class ComposeEngineIT {
    /** A long-running shell service that stops at once on SIGTERM. */
    private static final String SLEEPER = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; echo started-$$SVC; while :; do sleep 0.2; done\"]";

    @TempDir
    Path dir;

    private final List<String> steps = Collections.synchronizedList(new ArrayList<>());
    private final UpListener listener = steps::add;

    private TestEngine engine;
    private String project;

    private ComposeProject load(TestEngine engine, String suffix, String yaml) throws Exception {
        this.engine = engine;
        this.project = engine.project() + suffix;
        Path file = dir.resolve("compose-" + suffix + ".yaml");
        Files.writeString(file, yaml.replace("BASE_IMAGE", TestEngine.image("PEAKTRADE_OBS_EXPORTER_IMAGE",
                "peaktrade-testbed/jre:17")).replace("PROM_IMAGE", TestEngine.prometheusImage()));
        Map<String, String> env = new HashMap<>(System.getenv());
        return new ComposeLoader().load(new LoadRequest(List.of(file), project, env, null)).project();
    }

    private ComposeEngine compose() {
        return new ComposeEngine(engine.docker());
    }

    private static ComposeEngine.UpOptions fast() {
        return new ComposeEngine.UpOptions(false, false, true, Duration.ofSeconds(60));
    }

    @AfterEach
    void downProject() {
        if (engine != null && project != null) {
            compose().down(project, true, Duration.ofSeconds(2), UpListener.SILENT);
            // mark our test resources for .ci/run's leftover sweep as well
            engine.removeAll();
        }
    }

    @Test
    void upStartsInDependencyOrderIndependentOnesAtOnceWaitsForHealthyAndLabelsLikeCompose(TestEngine engine) throws Exception {
        int port = engine.freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "scrape_configs: []\n");
        config.toFile().setReadable(true, false);
        ComposeProject p = load(engine, "-order", """
                services:
                  app:
                    image: BASE_IMAGE
                    command: %s
                    environment: {SVC: app}
                    depends_on:
                      db: {condition: service_healthy}
                  db:
                    image: BASE_IMAGE
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3; touch /tmp/ready; echo db-ready; while :; do sleep 0.2; done"]
                    healthcheck:
                      test: ["CMD-SHELL", "test -f /tmp/ready"]
                      interval: 300ms
                      retries: 20
                  prom:
                    image: PROM_IMAGE
                    ports: ["127.0.0.1:%d:9090"]
                    volumes: ["./prometheus.yml:/etc/prometheus/prometheus.yml:ro"]
                    extra_hosts: ["host.docker.internal:host-gateway"]
                """.formatted(SLEEPER, port));

        List<ContainerStatus> up = compose().up(p, fast(), listener);

        assertThat(up).extracting(ContainerStatus::service).containsExactly("app", "db", "prom");
        assertThat(up).allMatch(ContainerStatus::isUp, "all up");
        assertThat(up).filteredOn(c -> c.service().equals("db")).singleElement()
                .extracting(ContainerStatus::health).isEqualTo("healthy");
        assertThat(String.join("\n", steps)).as("db healthy before app starts")
                .containsSubsequence("container " + project + "-db-1 started",
                        "waiting for " + project + "-db-1 (service_healthy) before starting app",
                        "container " + project + "-app-1 started");
        // prom depends on nothing: it must not queue behind db's healthcheck (3 s) and app; being
        // standalone, it starts after db's start (db heads app's chain, the critical path)
        assertThat(String.join("\n", steps)).as("standalone prom started after db's start, while app waited for db")
                .containsSubsequence("container " + project + "-db-1 started", "container " + project + "-prom-1 started",
                        "container " + project + "-app-1 started");
        engine.awaitHttp("http://127.0.0.1:" + port + "/-/ready", 200, Duration.ofSeconds(30));

        var labels = engine.docker().inspectContainerCmd(project + "-prom-1").exec().getConfig().getLabels();
        assertThat(labels).containsEntry("com.docker.compose.project", project)
                .containsEntry("com.docker.compose.service", "prom")
                .containsEntry("com.docker.compose.container-number", "1")
                .containsEntry("com.docker.compose.oneoff", "False")
                .containsEntry("com.docker.compose.project.working_dir", dir.toString())
                .containsKey("com.docker.compose.config-hash");
        var mounts = engine.docker().inspectContainerCmd(project + "-prom-1").exec().getMounts();
        assertThat(mounts).anySatisfy(m -> {
            assertThat(m.getSource()).isEqualTo(config.toString());
            assertThat(m.getRW()).isFalse();
        });
        assertThat(engine.docker().listNetworksCmd().withNameFilter(project + "_default").exec()).hasSize(1);

        assertThat(compose().logs(project, "app", 10, null)).contains("started-app");
    }

    @Test
    void secondUpKeepsUnchangedContainersAndRecreatesChangedOnes(TestEngine engine) throws Exception {
        String yaml = """
                services:
                  a:
                    image: BASE_IMAGE
                    command: %s
                    environment: {SVC: a, VERSION: "1"}
                  b:
                    image: BASE_IMAGE
                    command: %s
                    environment: {SVC: b}
                """.formatted(SLEEPER, SLEEPER);
        ComposeProject first = load(engine, "-recreate", yaml);
        compose().up(first, fast(), listener);
        String aId = id("a");
        String bId = id("b");

        ComposeProject changed = load(engine, "-recreate", yaml.replace("VERSION: \"1\"", "VERSION: \"2\""));
        compose().up(changed, fast(), listener);

        assertThat(id("a")).as("changed config → recreated").isNotEqualTo(aId);
        assertThat(id("b")).as("unchanged → kept").isEqualTo(bId);

        compose().up(changed, new ComposeEngine.UpOptions(true, false, true, Duration.ofSeconds(60)), listener);
        assertThat(id("b")).as("--force-recreate").isNotEqualTo(bId);
    }

    @Test
    void upRemovesOrphansOfTheProject(TestEngine engine) throws Exception {
        ComposeProject two = load(engine, "-orphans", """
                services:
                  keep: {image: BASE_IMAGE, command: %s}
                  gone: {image: BASE_IMAGE, command: %s}
                """.formatted(SLEEPER, SLEEPER));
        compose().up(two, fast(), listener);
        ComposeProject one = load(engine, "-orphans", """
                services:
                  keep: {image: BASE_IMAGE, command: %s}
                """.formatted(SLEEPER));

        compose().up(one, fast(), listener);

        assertThat(compose().ps(project)).extracting(ContainerStatus::service).containsExactly("keep");
        assertThat(steps).contains("orphan container " + project + "-gone-1 removed");
    }

    @Test
    void containerThatExitsDuringStartFailsUpWithItsExitCodeAndLastLogLines(TestEngine engine) throws Exception {
        ComposeProject p = load(engine, "-crash", """
                services:
                  crash:
                    image: BASE_IMAGE
                    command: ["sh", "-c", "echo config is broken >&2; exit 7"]
                """);

        assertThatThrownBy(() -> compose().up(p, fast(), listener))
                .isInstanceOf(UpFailedException.class)
                .hasMessageContaining("container " + project + "-crash-1 exited with code 7")
                .hasMessageContaining("config is broken");
    }

    @Test
    void missingBindSourceIsRefusedBeforeAnythingIsCreated(TestEngine engine) throws Exception {
        ComposeProject p = load(engine, "-nobind", """
                services:
                  x:
                    image: BASE_IMAGE
                    command: %s
                    volumes: ["./does-not-exist:/data:ro"]
                """.formatted(SLEEPER));

        assertThatThrownBy(() -> compose().up(p, fast(), listener))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bind mount source does not exist: " + dir.resolve("does-not-exist"));
        assertThat(compose().ps(project)).isEmpty();
        assertThat(engine.docker().listNetworksCmd().withNameFilter(project + "_default").exec()).isEmpty();
        assertThat(dir.resolve("does-not-exist")).doesNotExist();
    }

    @Test
    void hostPortHeldByAnotherContainerIsRefusedNamingThatContainer(TestEngine engine) throws Exception {
        int port = engine.freePort();
        String holder = engine.project() + "-portholder";
        engine.run(TestEngine.prometheusImage(), cmd -> cmd.withName(holder)
                .withExposedPorts(ExposedPort.tcp(9090))
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(
                        new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", port), ExposedPort.tcp(9090)))));
        ComposeProject p = load(engine, "-port", """
                services:
                  prom:
                    image: PROM_IMAGE
                    ports: ["127.0.0.1:%d:9090"]
                """.formatted(port));

        assertThatThrownBy(() -> compose().up(p, fast(), listener))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("host port 127.0.0.1:" + port + "/tcp for service prom is taken by container " + holder);
        assertThat(compose().ps(project)).isEmpty();
        // the network is created while the engine is asked about ports and names: a refusal removes it again
        assertThat(engine.docker().listNetworksCmd().withNameFilter(project + "_default").exec()).isEmpty();
        assertThat(steps).contains("network " + project + "_default removed again (up refused before starting anything)");
    }

    @Test
    void downIsIdempotentAndNeverTouchesLookAlikeForeignResources(TestEngine engine) throws Exception {
        ComposeProject p = load(engine, "-down", """
                services:
                  grafana: {image: BASE_IMAGE, command: %s}
                """.formatted(SLEEPER));
        // look-alikes: same naming scheme, but only our test label, not the compose project label
        String foreignContainer = project + "-grafana-2";
        var foreign = engine.docker().createContainerCmd(TestEngine.jreImage()).withName(foreignContainer)
                .withCmd("sleep", "60").withLabels(Map.of(TestEngine.TEST_LABEL, "true")).exec();
        String foreignNetwork = project + "_other";
        engine.docker().createNetworkCmd().withName(foreignNetwork).withLabels(Map.of(TestEngine.TEST_LABEL, "true")).exec();
        compose().up(p, fast(), listener);

        ComposeEngine.DownResult first = compose().down(project, false, Duration.ofSeconds(2), listener);
        ComposeEngine.DownResult second = compose().down(project, false, Duration.ofSeconds(2), listener);

        assertThat(first.containers()).containsExactly(project + "-grafana-1");
        assertThat(first.networks()).containsExactly(project + "_default");
        assertThat(second.nothingRemoved()).isTrue();
        assertThat(engine.docker().inspectContainerCmd(foreign.getId()).exec().getName()).isEqualTo("/" + foreignContainer);
        assertThat(engine.docker().listNetworksCmd().withNameFilter(foreignNetwork).exec()).hasSize(1);
        engine.docker().removeNetworkCmd(foreignNetwork).exec();
        engine.docker().removeContainerCmd(foreign.getId()).withForce(true).exec();
    }

    @Test
    void imageThatCannotBePulledExits3NamingTheImageAndItsOverrideVariable(TestEngine engine) throws Exception {
        ComposeProject p = load(engine, "-pull", """
                services:
                  grafana:
                    image: ${PTOBS_IT_UNSET_IMAGE:-peaktrade-testbed/no-such-image:0}
                """);

        assertThatThrownBy(() -> compose().up(p, fast(), listener))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("image peaktrade-testbed/no-such-image:0 is not present and could not be pulled")
                .satisfies(e -> assertThat(((EnvironmentException) e).hint()).contains("set PTOBS_IT_UNSET_IMAGE"));
        assertThat(compose().ps(project)).isEmpty();
    }

    @Test
    void logsOfAnUnknownServiceListTheValidOnes(TestEngine engine) throws Exception {
        ComposeProject p = load(engine, "-logs", """
                services:
                  grafana: {image: BASE_IMAGE, command: %s, environment: {SVC: grafana}}
                """.formatted(SLEEPER));
        compose().up(p, fast(), listener);

        assertThatThrownBy(() -> compose().logs(project, "grafna", 5, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no service 'grafna'").hasMessageContaining("services: grafana");
    }

    private String id(String service) {
        return engine.docker().inspectContainerCmd(project + "-" + service + "-1").exec().getId();
    }
}
