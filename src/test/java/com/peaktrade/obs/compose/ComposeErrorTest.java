package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a compose file can be refused: a ConfigException (exit 2) naming file, line and what is wrong. */
class ComposeErrorTest {
    @TempDir
    Path dir;
    private ComposeFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ComposeFixture(dir);
    }

    /** Loads compose.yaml and returns the error message with the temp dir cut off. */
    private String errorOf(String yaml) {
        fixture.write("compose.yaml", yaml);
        ConfigException error = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> fixture.load("compose.yaml"));
        assertThat(error.exitCode()).isEqualTo(ExitCodes.USAGE);
        return error.getMessage().replace(dir.toString() + "/", "");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            services:\\n  app:\\n    image: a\\n    ports: 9090\\n                | compose.yaml:4: services.app.ports must be a list, not the value 9090
            services:\\n  app:\\n    image: a\\n    environment: 5\\n             | compose.yaml:4: services.app.environment must be a mapping, not the value 5
            services:\\n  app:\\n    image: [a]\\n                                | compose.yaml:3: services.app.image must be a string, not a list
            services:\\n  app:\\n    image: a\\n    ports: ['99999:80']\\n        | compose.yaml:4: invalid port: invalid hostPort: 99999 (ports are 1-65535)
            services:\\n  app:\\n    image: a\\n    healthcheck: {interval: 10}\\n | compose.yaml:4: services.app.healthcheck.interval: invalid duration "10" (use e.g. 10s, 1m30s, 500ms)
            services:\\n  app:\\n    image: a\\n    restart: sometimes\\n          | compose.yaml:4: invalid restart policy "sometimes" for service "app" (no, always, unless-stopped, on-failure[:N])
            services:\\n  app: 3\\n                                                 | compose.yaml:2: service "app" must be a mapping, not the value 3
            - just a list\\n                                                       | compose.yaml: the top level of a compose file must be a mapping, not a list
            services:\\n  app:\\n    image: a\\n    depends_on: {db: {condition: service_ready}}\\n | compose.yaml:4: invalid depends_on condition "service_ready" (one of service_completed_successfully, service_healthy, service_started)
            """)
    void aWrongTypeOrValueNamesFileLineAndPath(String yaml, String message) {
        assertThat(errorOf(yaml.replace("\\n", "\n"))).isEqualTo(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            services:\\n  app:\\n    image: a\\n    configs: [nope]\\n                        | compose.yaml:4: service "app" refers to undefined config nope: invalid compose project
            services:\\n  app: {image: a}\\nconfigs:\\n  c: {name: x}\\n                 | 'compose.yaml:4: configs.c: one of file|environment|content must be set'
            services:\\n  app: {image: a}\\nconfigs:\\n  c: {file: ./a, content: b}\\n    | 'compose.yaml:4: configs.c: file|environment|content attributes are mutually exclusive'
            services:\\n  app: {image: a}\\nconfigs:\\n  c: {external: true}\\n          | compose.yaml:4: config "c": external is not supported (docker compose refuses it outside swarm too)
            services:\\n  app:\\n    image: a\\n    configs: [{source: c, mode: rw}]\\nconfigs:\\n  c: {content: x}\\n | compose.yaml:4: services.app.configs[0].mode: invalid file mode "rw" (use e.g. 0440)
            services:\\n  app:\\n    image: a\\n    volumes: [{type: tmpfs, target: /t, tmpfs: {size: lots}}]\\n | compose.yaml:4: services.app.volumes[0].tmpfs: invalid size "lots" (use e.g. 1000, 64k, 10m, 1g)
            services:\\n  app:\\n    image: a\\n    volumes: [{type: bind, source: ., target: /t, tmpfs: {size: 1}}]\\n | compose.yaml:4: services.app.volumes[0].tmpfs: tmpfs options are only for type: tmpfs, not bind
            services:\\n  app:\\n    image: a\\n    volumes: [{type: tmpfs, source: x, target: /t}]\\n | compose.yaml:4: a tmpfs mount has no source
            services:\\n  a: {image: a, container_name: same}\\n  b: {image: b, container_name: same}\\n | compose.yaml:3: services.b: container name "same" is already in use by service a
            include: x.yaml\\nservices:\\n  app: {image: a}\\n                           | compose.yaml:1: include must be a list, not the value x.yaml
            include: [nope/compose.yaml]\\nservices:\\n  app: {image: a}\\n             | compose.yaml:1: included compose file not found: nope/compose.yaml
            include: [{path: [], env_file: x}]\\nservices:\\n  app: {image: a}\\n       | compose.yaml:1: include[0] needs a path
            """)
    void whatDockerComposeRefusesInTheNewerKeysIsRefusedByName(String yaml, String message) {
        assertThat(errorOf(yaml.replace("\\n", "\n"))).isEqualTo(message);
    }

    @Test
    void anIncludeCycleNamesEveryFileOnIt() {
        fixture.write("compose.yaml", "include: [sub/compose.yaml]\nservices:\n  app: {image: a}\n");
        fixture.write("sub/compose.yaml", "include: [../compose.yaml]\nservices:\n  other: {image: b}\n");
        assertThatThrownBy(() -> fixture.load("compose.yaml")).isInstanceOf(ConfigException.class)
                .hasMessage("include cycle detected:\n" + dir.resolve("compose.yaml") + "\n include "
                        + dir.resolve("sub/compose.yaml") + "\n include " + dir.resolve("compose.yaml"));
    }

    @Test
    void brokenYamlNamesFileAndLine() {
        assertThat(errorOf("services:\n  app:\n    image: [a\n")).startsWith("compose.yaml:4: invalid YAML:");
    }

    @Test
    void aDuplicateKeyNamesFileLineAndKey() {
        assertThat(errorOf("services:\n  app:\n    image: a\n    image: b\n")).isEqualTo("compose.yaml:4: invalid YAML: duplicate key 'image'");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(errorOf("# nothing here\n")).isEqualTo("compose.yaml: empty compose file");
    }

    @Test
    void aMissingFileIsRefused() {
        assertThatThrownBy(() -> fixture.load("nope.yaml")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("compose file not found: ").hasMessageEndingWith("nope.yaml");
    }

    @Test
    void aMissingEnvFileIsRefused() {
        fixture.write("compose.yaml", "services:\n  app: {image: a}\n");
        assertThatThrownBy(() -> fixture.loadWith(null, dir.resolve("missing.env"), "compose.yaml"))
                .hasMessageContaining("env file not found:");
    }

    @Test
    void aMissingRequiredVariableNamesVariableFilePathAndMessage() {
        assertThat(errorOf("services:\n  app:\n    image: ${TAG:?set TAG to the image tag}\n")).isEqualTo(
                "compose.yaml:3: error while interpolating services.app.image: required variable TAG is missing a value: "
                        + "set TAG to the image tag");
    }

    @Test
    void aMalformedInterpolationQuotesComposesText() {
        assertThat(errorOf("services:\n  app:\n    image: a\n    environment: ['X=${oops']\n")).isEqualTo(
                "compose.yaml:4: invalid interpolation format for services.app.environment[0].\n"
                        + "You may need to escape any $ with another $.\nX=${oops");
    }

    @Test
    void aServiceWithoutImageSaysBuildIsNotSupported() {
        fixture.write("compose.yaml", "services:\n  app:\n    build: .\n");
        assertThatThrownBy(() -> fixture.load("compose.yaml"))
                .hasMessageEndingWith("compose.yaml:2: service \"app\" has no image; building images (build:) is not supported")
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.hint()).contains("set image:"));
    }

    @Test
    void anUnknownServiceInDependsOnIsRefused() {
        assertThat(errorOf("services:\n  app:\n    image: a\n    depends_on: [db]\n")).isEqualTo(
                "compose.yaml:4: service \"app\" depends on undefined service \"db\": invalid compose project");
    }

    @Test
    void anOptionalUnknownDependencyIsOnlyAWarning() {
        fixture.write("compose.yaml", "services:\n  app:\n    image: a\n    depends_on: {db: {required: false}}\n");
        assertThat(fixture.load("compose.yaml").warnings()).anyMatch(w -> w.contains("undefined service \"db\""));
    }

    @Test
    void anUndeclaredNamedVolumeIsRefusedWithComposesText() {
        assertThat(errorOf("services:\n  app:\n    image: a\n    volumes: ['data:/data']\n")).isEqualTo(
                "compose.yaml:4: service \"app\" refers to undefined volume data: invalid compose project");
    }

    @Test
    void anUndeclaredNetworkIsRefused() {
        assertThat(errorOf("services:\n  app:\n    image: a\n    networks: [back]\n")).isEqualTo(
                "compose.yaml:4: service \"app\" refers to undefined network back: invalid compose project");
    }

    @Test
    void aDependencyCycleIsNamed() {
        assertThat(errorOf("""
                services:
                  a: {image: a, depends_on: [b]}
                  b: {image: b, depends_on: [c]}
                  c: {image: c, depends_on: [a]}
                """)).isEqualTo("dependency cycle detected: a -> b -> c -> a");
    }

    @Test
    void anInvalidProjectNameIsRefused() {
        fixture.write("compose.yaml", "services:\n  app: {image: a}\n");
        assertThatThrownBy(() -> fixture.loadWith("Bad Name", null, "compose.yaml"))
                .hasMessageStartingWith("invalid project name \"Bad Name\"");
    }

    @Test
    void anAliasBombFailsFast() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i <= 30; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1)
                    .append("]\n");
        }
        assertThat(errorOf(yaml + "services: {}\n")).contains("more than 50 aliases");
    }

    @Test
    void deepNestingFailsFast() {
        assertThat(errorOf("x-deep: " + "[".repeat(200) + "]".repeat(200) + "\nservices: {}\n")).contains("nesting");
    }

    @Test
    void customYamlTagsOtherThanResetAndOverrideAreRefusedRatherThanMisread() {
        assertThat(errorOf("services:\n  app:\n    image: a\n    ports: !merge []\n"))
                .isEqualTo("compose.yaml:4: the YAML tag !merge is not supported (compose knows !reset and !override)");
    }

    @Test
    void aBadEnvFileLineNamesItsFileAndLine() {
        fixture.write(".env", "OK=1\nBAD LINE=x\n");
        assertThat(errorOf("services:\n  app: {image: a}\n")).isEqualTo(".env:2: invalid variable name \"BAD LINE\"");
    }
}
