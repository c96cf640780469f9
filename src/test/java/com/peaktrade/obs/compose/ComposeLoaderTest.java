package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeLoaderTest {
    @TempDir
    Path dir;
    private ComposeFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ComposeFixture(dir);
    }

    @Test
    void relativeBindSourcesInEveryFileResolveAgainstTheFirstFilesDirectory() {
        fixture.write("compose.yaml", "services:\n  app:\n    image: a\n    volumes: ['./conf/../conf:/conf']\n");
        fixture.write("sub/override.yaml", "services:\n  app:\n    volumes:\n      - type: bind\n        source: ./data\n"
                + "        target: /data\n      - ~/cache:/cache\n      - /abs/./x:/x\n");
        ServiceSpec app = fixture.load("compose.yaml", "sub/override.yaml").project().service("app");
        assertThat(app.volumes()).extracting(VolumeSpec::source).containsExactly(
                dir.resolve("conf").toString(), dir.resolve("data").toString(), "/home/tester/cache", "/abs/x");
        assertThat(app.volumes()).extracting(VolumeSpec::createHostPath).containsExactly(true, false, true, true);
    }

    @Test
    void theProjectRecordsAbsoluteFilesAndWorkingDir() {
        fixture.write("compose.yaml", "services:\n  app: {image: a}\n");
        ComposeProject project = fixture.load("compose.yaml").project();
        assertThat(project.workingDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(project.configFiles()).containsExactly(dir.resolve("compose.yaml").toAbsolutePath());
    }

    @Test
    void theProjectNameComesFromFlagThenEnvThenFileThenDirectory() {
        Path projectDir = dir.resolve("My.Stack_1");
        ComposeFixture stack = new ComposeFixture(projectDir);
        stack.write("compose.yaml", "services:\n  app: {image: a}\n");
        assertThat(stack.load("compose.yaml").project().name()).isEqualTo("mystack_1");
        stack.write("compose.yaml", "name: from-file\nservices:\n  app: {image: a}\n");
        assertThat(stack.load("compose.yaml").project().name()).isEqualTo("from-file");
        stack.env("COMPOSE_PROJECT_NAME", "from-env");
        assertThat(stack.load("compose.yaml").project().name()).isEqualTo("from-env");
        assertThat(stack.loadWith("flag", (Path) null, "compose.yaml").project().name()).isEqualTo("flag");
    }

    @Test
    void theDefaultNetworkAndNamedVolumesGetProjectPrefixedNames() {
        ComposeProject project = fixture.project("""
                name: obs
                services:
                  app: {image: a, volumes: ['data:/data']}
                volumes:
                  data:
                  ext: {external: true}
                  named: {name: fixed}
                """);
        assertThat(project.networks()).containsOnlyKeys("default");
        assertThat(project.networks().get("default").name()).isEqualTo("obs_default");
        assertThat(project.volumes().values()).extracting(VolumeTopSpec::name).containsExactly("obs_data", "ext", "fixed");
        assertThat(project.service("app").networks()).containsExactly("default");
    }

    @Test
    void dotEnvBesideTheFirstFileFillsOnlyUnsetVariables() {
        fixture.env("SHELL_WINS", "shell");
        fixture.write(".env", "SHELL_WINS=dotenv\nFROM_FILE=dotenv\n");
        ServiceSpec app = fixture.service("services:\n  app:\n    image: a:${FROM_FILE}\n    environment: [X=$SHELL_WINS]\n", "app");
        assertThat(app.image()).isEqualTo("a:dotenv");
        assertThat(app.environment()).containsEntry("X", "shell");
    }

    @Test
    void aBareEnvironmentKeyTakesItsValueFromTheShellOrDotEnvLikeCompose() {
        fixture.env("FROM_SHELL", "shell");
        fixture.write(".env", "FROM_DOTENV=dotenv\n");
        ServiceSpec app = fixture.service("""
                services:
                  app:
                    image: a
                    environment: [FROM_SHELL, FROM_DOTENV, NOWHERE]
                """, "app");
        assertThat(app.environment()).containsExactly(entry("FROM_SHELL", "shell"), entry("FROM_DOTENV", "dotenv"),
                entry("NOWHERE", null));
    }

    @Test
    void aBareKeyInAnIncludedFileAlsoSeesTheIncludesOwnEnvFileAfterTheProjectsDotEnv() {
        // docker compose 2.40.3 answers the same (hash corpus case "parity", service "included")
        fixture.write(".env", "BOTH=project\n");
        fixture.write("sub/.env", "BOTH=include\nONLY_INCLUDE=include\n");
        fixture.write("sub/compose.yaml", "services:\n  sub:\n    image: a\n    environment: [BOTH, ONLY_INCLUDE]\n");
        fixture.write("compose.yaml", "include: [sub/compose.yaml]\nservices:\n  app:\n    image: a\n"
                + "    environment: [ONLY_INCLUDE]\n");
        ComposeProject project = fixture.load("compose.yaml").project();
        assertThat(project.service("sub").environment()).containsExactly(entry("BOTH", "project"),
                entry("ONLY_INCLUDE", "include"));
        assertThat(project.service("app").environment()).containsExactly(entry("ONLY_INCLUDE", null));
    }

    @Test
    void anEmptyNetworksSectionMeansTheDefaultNetwork() {
        assertThat(fixture.service("services:\n  app: {image: a, networks: []}\n", "app").networks()).containsExactly("default");
    }

    @Test
    void anExplicitEnvFileReplacesTheDefaultDotEnv() {
        fixture.write(".env", "TAG=default\n");
        Path other = fixture.write("other.env", "TAG=other\n");
        fixture.write("compose.yaml", "services:\n  app:\n    image: a:${TAG:-none}\n    environment: ['B=${ONLY_DEFAULT:-unset}']\n");
        assertThat(fixture.loadWith(null, other, "compose.yaml").project().service("app").image()).isEqualTo("a:other");
    }

    @Test
    void keysAreNeverInterpolated() {
        fixture.env("K", "key");
        ServiceSpec app = fixture.service("services:\n  app:\n    image: a\n    environment:\n      ${K}: v\n    labels: ['${K}=v']\n", "app");
        assertThat(app.environment()).containsOnlyKeys("${K}");
        assertThat(app.labels()).containsOnlyKeys("key");
    }

    @Test
    void yamlAnchorsAliasesAndMergeKeysAreResolved() {
        ComposeProject project = fixture.project("""
                x-base: &base
                  image: base:1
                  restart: always
                  environment: &env {A: '1'}
                services:
                  one:
                    <<: *base
                    restart: 'no'
                  two:
                    image: two
                    environment: *env
                """);
        assertThat(project.service("one").image()).isEqualTo("base:1");
        assertThat(project.service("one").restart()).isEqualTo("no");
        assertThat(project.service("two").environment()).containsExactly(entry("A", "1"));
    }

    @Test
    void supportsTheLongSyntaxAndEveryServiceKey() {
        fixture.write("app.env", "A=from-file\nB=from-file\n");
        ServiceSpec app = fixture.service("""
                services:
                  db: {image: db}
                  app:
                    image: app
                    command: ["run", "--fast"]
                    entrypoint: /entry.sh
                    user: "472"
                    restart: on-failure:3
                    ports:
                      - {target: 80, published: 8080, host_ip: 127.0.0.1, protocol: UDP}
                      - target: 81
                    volumes:
                      - {type: volume, target: /anon}
                    extra_hosts: ["host.docker.internal:host-gateway", "v6=[::1]"]
                    depends_on:
                      db: {condition: service_completed_successfully}
                    healthcheck:
                      test: ["CMD", "true"]
                      interval: 1m30s
                      timeout: 500ms
                      start_period: 5s
                      retries: 3
                    env_file: app.env
                    environment: {B: from-environment}
                """.replace("env_file: app.env", "env_file: [app.env, {path: missing.env, required: false}]"), "app");
        assertThat(app.command()).containsExactly("run", "--fast");
        assertThat(app.entrypoint()).containsExactly("/entry.sh");
        assertThat(app.user()).isEqualTo("472");
        assertThat(app.restart()).isEqualTo("on-failure:3");
        assertThat(app.ports()).containsExactly(new PortSpec("127.0.0.1", "8080", 80, "udp"), new PortSpec("", "", 81, "tcp"));
        assertThat(app.volumes()).containsExactly(new VolumeSpec("volume", null, "/anon", false));
        assertThat(app.extraHosts()).containsExactly("host.docker.internal:host-gateway", "v6:::1");
        assertThat(app.dependsOn()).containsEntry("db", new DependsOn("service_completed_successfully", true));
        assertThat(app.healthcheck()).isEqualTo(new HealthcheckSpec(List.of("CMD", "true"), Duration.ofSeconds(90),
                Duration.ofMillis(500), 3, Duration.ofSeconds(5), false));
        assertThat(app.environment()).containsExactly(entry("A", "from-file"), entry("B", "from-environment"));
    }

    @Test
    void aHealthcheckStringRunsInAShellAndNoneDisablesIt() {
        ComposeProject project = fixture.project("""
                services:
                  a: {image: a, healthcheck: {test: curl -f http://x}}
                  b: {image: b, healthcheck: {test: [NONE]}}
                  c: {image: c, healthcheck: {disable: true}}
                """);
        assertThat(project.service("a").healthcheck().test()).containsExactly("CMD-SHELL", "curl -f http://x");
        assertThat(project.service("b").healthcheck().disabled()).isTrue();
        assertThat(project.service("c").healthcheck().disabled()).isTrue();
    }

    @Test
    void unsupportedKeysAndObsoleteVersionAreWarningsNamingFileServiceAndKey() {
        fixture.write("compose.yaml", """
                version: "3"
                services:
                  app:
                    image: a
                    privileged: true
                    x-mine: ok
                    ulimits: {nofile: 1024}
                    healthcheck: {test: [CMD, "true"], start_interval: 1s}
                x-extension: fine
                secrets: {}
                """);
        List<String> warnings = fixture.load("compose.yaml").warnings().stream()
                .map(w -> w.replace(dir.resolve("compose.yaml").toString(), "compose.yaml")).toList();
        assertThat(warnings).containsExactly(
                "compose.yaml:1: the attribute \"version\" is obsolete, it will be ignored, please remove it to avoid potential confusion",
                "compose.yaml:5: service \"app\": key \"privileged\" is not supported and is ignored",
                "compose.yaml:7: service \"app\": key \"ulimits\" is not supported and is ignored",
                "compose.yaml:8: services.app.healthcheck: key \"start_interval\" is not supported and is ignored",
                "compose.yaml:10: top-level key \"secrets\" is not supported and is ignored");
    }

    @Test
    void anUnsetVariableIsAWarningOnce() {
        fixture.write("compose.yaml", "services:\n  app:\n    image: a$NOPE\n    user: ${NOPE}\n");
        LoadResult result = fixture.load("compose.yaml");
        assertThat(result.project().service("app").image()).isEqualTo("a");
        assertThat(result.warnings()).containsExactly("The \"NOPE\" variable is not set. Defaulting to a blank string.");
    }

    @Test
    void theSameFilesAndEnvironmentGiveTheSameProject() {
        fixture.write("compose.yaml", "services:\n  app: {image: 'a:${T:-1}', ports: ['80'], volumes: ['./x:/x']}\n");
        assertThat(fixture.load("compose.yaml")).isEqualTo(fixture.load("compose.yaml"));
    }
}
