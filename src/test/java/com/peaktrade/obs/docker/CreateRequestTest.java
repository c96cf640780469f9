package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import com.peaktrade.obs.compose.ComposeCorpus;
import com.peaktrade.obs.compose.ComposeProject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the engine's create-container request carries for the compose parity cases (the corpus
 * under src/test/resources/compose/corpus): the request docker-java would send, built without an engine.
 */
class CreateRequestTest {
    private static CreateContainerCmd request(String corpusCase, String service) {
        ComposeProject project = ComposeCorpus.named(corpusCase).load().project();
        CreateContainerCmd.Exec neverSent = command -> {
            throw new AssertionError("this test sends nothing");
        };
        return CreateRequest.fill(new CreateContainerCmdImpl(neverSent, null, project.service(service).image()), project,
                project.service(service), null, List.of());
    }

    private static List<String> binds(CreateContainerCmd request) {
        return Arrays.stream(request.getHostConfig().getBinds()).map(Bind::toString).toList();
    }

    @Test
    void aSecretPassedThroughFromTheShellArrivesInTheContainerAndAKeySetNowhereGoesBare() {
        assertThat(request("01-bare-environment", "app").getEnv()).containsExactlyInAnyOrder(
                "APP_TAG=from-shell",
                "FROM_DOTENV=from-dotenv",
                "UNSET_BOTH",
                "SECRET_TOKEN=s3cr3t-from-shell",
                "FROM_ENV_FILE",
                "ONLY_IN_ENV_FILE=kept",
                "LITERAL=plain");
        assertThat(request("01-bare-environment", "worker").getEnv())
                .containsExactly("APP_TAG=from-shell", "DB_PASSWORD=pw-from-shell", "EMPTY=");
    }

    @Test
    void containerNameNamesTheContainerAndItsAlias() {
        CreateContainerCmd named = request("02-container-name", "app");
        assertThat(named.getName()).isEqualTo("peaktrade-app");
        assertThat(named.getAliases()).containsExactly("app", "peaktrade-app");
        assertThat(named.getLabels()).containsEntry(ComposeLabels.SERVICE, "app")
                .containsEntry(ComposeLabels.PROJECT, "02-container-name");
        assertThat(named.getHostName()).isEqualTo("app-host");
        assertThat(request("02-container-name", "other").getName()).isEqualTo("02-container-name-other-1");
        assertThat(request("02-container-name", "other").getHostName()).as("the engine's default").isNull();
    }

    @Test
    void capabilitiesAreAddedAndDroppedAfterTheOverrideMerged() {
        CreateContainerCmd request = request("03-cap-add-drop", "app");
        assertThat(request.getHostConfig().getCapAdd()).containsExactly(Capability.NET_ADMIN, Capability.SYS_TIME);
        assertThat(request.getHostConfig().getCapDrop()).containsExactly(Capability.ALL, Capability.MKNOD);
    }

    @Test
    void serviceTmpfsGoesAsPathsWithOptionsAndTmpfsVolumesAsMountsWithSizeAndMode() {
        assertThat(request("04-tmpfs", "string").getHostConfig().getTmpFs()).isEqualTo(Map.of("/run", ""));
        CreateContainerCmd list = request("04-tmpfs", "list");
        assertThat(list.getHostConfig().getTmpFs()).isEqualTo(Map.of("/run", "", "/tmp", "size=64k,mode=1777"));
        assertThat(list.getHostConfig().getMounts()).extracting(Mount::getType, Mount::getTarget, Mount::getReadOnly,
                m -> m.getTmpfsOptions() == null ? null : m.getTmpfsOptions().getSizeBytes(),
                m -> m.getTmpfsOptions() == null ? null : m.getTmpfsOptions().getMode())
                .containsExactly(
                        tuple(MountType.TMPFS, "/cache", false, 10_485_760L, null),
                        tuple(MountType.TMPFS, "/scratch", true, 1000L, 01777),
                        tuple(MountType.TMPFS, "/plain", false, null, null));
        assertThat(binds(list)).isEmpty();
    }

    @Test
    void ttyAndStdinOpenAreSetOnlyWhereTheServiceAsksForThem() {
        CreateContainerCmd shell = request("05-stdin-open-tty", "shell");
        assertThat(shell.isTty()).isTrue();
        assertThat(shell.isStdinOpen()).isTrue();
        CreateContainerCmd quiet = request("05-stdin-open-tty", "quiet");
        assertThat(quiet.isTty()).isNull();
        assertThat(quiet.isStdinOpen()).isNull();
    }

    @Test
    void aBindWithoutCreateHostPathGoesThroughTheMountApiTheOthersStayBinds() {
        ComposeCorpus corpus = ComposeCorpus.named("07-bind-create-host-path");
        CreateContainerCmd request = request("07-bind-create-host-path", "app");
        assertThat(binds(request)).containsExactly(
                corpus.dir().resolve("short") + ":/short:rw",
                corpus.dir().resolve("long-without-bind") + ":/long-without-bind:rw",
                corpus.dir().resolve("created") + ":/created:rw");
        assertThat(request.getHostConfig().getMounts()).extracting(Mount::getType, Mount::getSource, Mount::getTarget,
                Mount::getReadOnly).containsExactly(
                        tuple(MountType.BIND, corpus.dir().resolve("must-exist").toString(),
                                "/must-exist", true),
                        tuple(MountType.BIND, corpus.dir().resolve("present").toString(),
                                "/present", false));
    }

    @Test
    void aFileConfigIsBindMountedReadOnlyAtItsTarget() {
        ComposeCorpus corpus = ComposeCorpus.named("08-configs");
        assertThat(binds(request("08-configs", "app"))).containsExactly(corpus.dir().resolve("app.conf") + ":/etc/app/app.conf:ro");
    }
}
