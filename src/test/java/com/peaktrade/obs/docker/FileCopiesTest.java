package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import com.peaktrade.obs.compose.ComposeLoader;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.LoadRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On an engine on another machine, the stack's files travel in the create request's place: as tars, before start. */
class FileCopiesTest {
    @TempDir
    Path dir;
    ComposeProject project;

    @BeforeEach
    void aStackWithABoundDirectoryAFileAndASocketLikePath() throws IOException {
        Files.createDirectories(dir.resolve("grafana/provisioning/datasources"));
        Files.writeString(dir.resolve("grafana/provisioning/datasources/ds.yaml"), "apiVersion: 1\n");
        Files.writeString(dir.resolve("prometheus.yml"), "global: {}\n");
        Files.writeString(dir.resolve("compose.yaml"), String.join("\n", "services:", "  app:", "    image: a",
                "    volumes:", "      - ./grafana/provisioning:/etc/grafana/provisioning:ro",
                "      - ./prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "      - /nonexistent/remote-only:/data", ""));
        project = new ComposeLoader().load(LoadRequest.of(Map.of(), dir.resolve("compose.yaml"))).project();
    }

    @Test
    void localFilesAndDirectoriesAreCopiedAndAPathOnlyTheRemoteHasStaysABind() {
        List<FileCopies.Copy> copies = FileCopies.of(project, project.service("app"));

        assertThat(copies).containsExactly(
                new FileCopies.Copy(dir.resolve("grafana/provisioning"), "/etc/grafana/provisioning"),
                new FileCopies.Copy(dir.resolve("prometheus.yml"), "/etc/prometheus/prometheus.yml"));

        CreateContainerCmd request = CreateRequest.fill(new CreateContainerCmdImpl(command -> {
            throw new AssertionError("this test sends nothing");
        }, null, "a"), project, project.service("app"), null, List.of(), copies);
        assertThat(Arrays.stream(request.getHostConfig().getBinds()).map(Bind::toString))
                .containsExactly("/nonexistent/remote-only:/data:rw");
        assertThat(FileCopies.fromLabel(request.getLabels().get(FileCopies.LABEL))).isEqualTo(copies);
        assertThat(request.getLabels().get(ComposeLabels.CONFIG_HASH)).isNotEqualTo(project.service("app").configHash());
    }

    @Test
    void aDirectoryArrivesUnderItsTargetReadOnlyWithoutTouchingTheImagesParentDirectories() throws IOException {
        byte[] tar = FileCopies.archive(new FileCopies.Copy(dir.resolve("grafana/provisioning"), "/etc/grafana/provisioning"));

        assertThat(entries(tar)).containsExactly(
                "etc/grafana/provisioning/ 555",
                "etc/grafana/provisioning/datasources/ 555",
                "etc/grafana/provisioning/datasources/ds.yaml 444 apiVersion: 1\n");
    }

    @Test
    void aChangedFileChangesTheConfigHashSoTheNextUpCopiesItAgain() throws IOException {
        var service = project.service("app");
        String before = FileCopies.configHash(service, FileCopies.of(project, service));
        assertThat(FileCopies.configHash(service, FileCopies.of(project, service))).as("same files, same hash").isEqualTo(before);

        Files.writeString(dir.resolve("grafana/provisioning/datasources/ds.yaml"), "apiVersion: 2\n");

        assertThat(FileCopies.configHash(service, FileCopies.of(project, service))).isNotEqualTo(before);
        assertThat(FileCopies.configHash(service, List.of())).as("nothing copied: compose's own hash")
                .isEqualTo(service.configHash());
    }

    private static List<String> entries(byte[] tar) throws IOException {
        List<String> entries = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String content = e.isDirectory() ? "" : " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
                entries.add(e.getName() + " " + Integer.toOctalString(e.getMode() & 0777) + content);
            }
        }
        return entries;
    }
}
