package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.compose.ComposeCorpus;
import com.peaktrade.obs.compose.ComposeLoader;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.LoadRequest;
import com.peaktrade.obs.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refusals of `up` that need no engine: they happen before anything is created. */
class PreflightTest {
    @TempDir
    Path dir;

    private ComposeProject project(String yaml, Map<String, String> env) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return new ComposeLoader().load(LoadRequest.of(env, dir.resolve("compose.yaml"))).project();
    }

    private ComposeProject project(String yaml) throws Exception {
        return project(yaml, Map.of("HOME", "/home/tester"));
    }

    @Test
    void aMissingSourceWithCreateHostPathFalseIsRefusedAsDockersMountApiWould() throws Exception {
        ComposeProject project = project("services:\n  app:\n    image: a\n    volumes:\n"
                + "      - {type: bind, source: ./gone, target: /gone, bind: {create_host_path: false}}\n");
        assertThatThrownBy(() -> Preflight.checkBindSources(project)).isInstanceOf(ConfigException.class)
                .hasMessage("bind mount source does not exist: " + dir.resolve("gone")
                        + " (service app, target /gone, bind.create_host_path: false)")
                .extracting(e -> ((ConfigException) e).hint()).asString()
                .contains("Docker refuses it as well (invalid mount config for type \"bind\": bind source path does not exist)");
    }

    @Test
    void aMissingShortSyntaxSourceIsStillRefusedBecauseDockerWouldCreateAnEmptyDirectory() throws Exception {
        ComposeProject project = project("services:\n  app:\n    image: a\n    volumes: [./gone:/gone]\n");
        assertThatThrownBy(() -> Preflight.checkBindSources(project))
                .hasMessage("bind mount source does not exist: " + dir.resolve("gone") + " (service app, target /gone)")
                .extracting(e -> ((ConfigException) e).hint()).asString()
                .contains("Docker would otherwise create an empty root-owned directory");
    }

    @Test
    void theCorpusBindCaseIsRefusedForItsOneSourceThatMustExist() {
        ComposeCorpus corpus = ComposeCorpus.named("07-bind-create-host-path");
        assertThatThrownBy(() -> Preflight.checkBindSources(corpus.load().project()))
                .hasMessageContaining(corpus.dir().resolve("must-exist") + " (service app, target /must-exist, "
                        + "bind.create_host_path: false)")
                .hasMessageNotContaining("/present");
    }

    @Test
    void aMissingConfigFileIsRefused() throws Exception {
        ComposeProject project = project("services:\n  app:\n    image: a\n    configs: [c]\nconfigs:\n  c: {file: ./c.conf}\n");
        assertThatThrownBy(() -> Preflight.checkBindSources(project))
                .hasMessage("bind mount source does not exist: " + dir.resolve("c.conf") + " (service app, config c)");
    }

    @Test
    void anEnvironmentConfigWhoseVariableIsUnsetIsRefusedAsDockerComposeDoes() throws Exception {
        ComposeProject project = project("services:\n  app:\n    image: a\n    configs: [c]\nconfigs:\n  c: {environment: NOPE}\n");
        assertThatThrownBy(() -> Preflight.checkCreateRequests(project)).isInstanceOf(ConfigException.class)
                .hasMessage("environment variable \"NOPE\" required by config \"" + project.name() + "_c\" is not set");
    }

    @Test
    void anUnknownCapabilityIsRefusedByName() throws Exception {
        ComposeProject project = project("services:\n  app:\n    image: a\n    cap_add: [cap_net_admin, NOT_A_CAP]\n");
        assertThatThrownBy(() -> Preflight.checkCreateRequests(project)).isInstanceOf(ConfigException.class)
                .hasMessage("service app: cap_add: unknown capability \"NOT_A_CAP\"");
    }

    @Test
    void aContainerNameTheEngineWouldRejectIsRefusedByName() throws Exception {
        ComposeProject project = project("services:\n  app:\n    image: a\n    container_name: \"bad name!\"\n");
        assertThatThrownBy(() -> Preflight.checkCreateRequests(project)).isInstanceOf(ConfigException.class)
                .hasMessage("service app: invalid container name \"bad name!\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }

    @Test
    void aNonNumericConfigOwnerIsRefused() throws Exception {
        ComposeProject project = project("services:\n  app:\n    image: a\n    configs: [{source: c, uid: root}]\n"
                + "configs:\n  c: {content: x}\n");
        assertThatThrownBy(() -> Preflight.checkCreateRequests(project))
                .hasMessage("service app: config c: uid/gid \"root\" must be a number");
    }

    @Test
    void theParityCasesPassTheChecksThatNeedNoEngine() {
        for (String corpusCase : new String[] {"02-container-name", "03-cap-add-drop", "04-tmpfs", "05-stdin-open-tty",
                "08-configs"}) {
            assertThatCode(() -> Preflight.checkCreateRequests(ComposeCorpus.named(corpusCase).load().project()))
                    .as(corpusCase).doesNotThrowAnyException();
        }
    }
}
