package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.peaktrade.obs.compose.ComposeLoader;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.LoadRequest;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose parity fields on a real container (docs/compose-parity.md): what `up` creates
 * from container_name, hostname, a bare environment key, cap_add/cap_drop, tmpfs, tty/stdin_open and configs.
 */
@ExtendWith(EngineExtension.class)
class ComposeParityIT {
    @TempDir
    Path dir;

    private TestEngine engine;
    private String project;

    private ComposeProject load(TestEngine engine, String yaml, Map<String, String> shell) throws Exception {
        this.engine = engine;
        this.project = "ptobs-it-parity-" + engine.project().substring(engine.project().lastIndexOf('-') + 1);
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml.replace("IMAGE", TestEngine.jreImage()).replace("PROJECT", project));
        return new ComposeLoader().load(new LoadRequest(List.of(file), project, shell, null)).project();
    }

    private ComposeEngine compose() {
        return new ComposeEngine(engine.docker());
    }

    @AfterEach
    void downProject() {
        if (engine != null) {
            compose().down(project, true, Duration.ofSeconds(2), UpListener.SILENT);
            TestEngine.removeByLabel(engine.docker(), TestEngine.PROJECT_LABEL + "=" + project);
        }
    }

    @Test
    void upCreatesTheContainerWithEveryParityFieldApplied(TestEngine engine) throws Exception {
        Files.writeString(dir.resolve("file.conf"), "from-a-file\n");
        dir.resolve("file.conf").toFile().setReadable(true, false);
        ComposeProject p = load(engine, """
                services:
                  app:
                    image: IMAGE
                    container_name: PROJECT-custom
                    hostname: parity-host
                    labels: {org.peaktrade.obs.test: "true"}
                    command: ["sh", "-c", "trap 'exit 0' TERM; cat /etc/ptobs/inline.conf /etc/ptobs/file.conf; \\
                      echo SECRET=$$PARITY_SECRET UNSET=$${PTOBS_UNSET-unset}; grep -E ' /(cache|run/ptobs) ' /proc/mounts; \\
                      stat -c 'inline-mode=%a' /etc/ptobs/inline.conf; echo done; while :; do sleep 0.2; done"]
                    environment: [PARITY_SECRET, PTOBS_UNSET]
                    cap_add: [NET_ADMIN]
                    cap_drop: [MKNOD]
                    tmpfs: /run/ptobs
                    volumes:
                      - {type: tmpfs, target: /cache, tmpfs: {size: 1m}}
                    tty: true
                    stdin_open: true
                    configs:
                      - source: inline
                        target: /etc/ptobs/inline.conf
                        mode: 0440
                      - source: file
                        target: /etc/ptobs/file.conf
                configs:
                  inline:
                    content: "inline-${GREETING:-hello}"
                  file:
                    file: ./file.conf
                """, Map.of("PARITY_SECRET", "s3cr3t", "HOME", dir.toString()));

        List<ContainerStatus> up = compose().up(p, new ComposeEngine.UpOptions(false, false, true, Duration.ofSeconds(60)),
                UpListener.SILENT);

        assertThat(up).singleElement().extracting(ContainerStatus::name).isEqualTo(project + "-custom");
        InspectContainerResponse container = engine.docker().inspectContainerCmd(project + "-custom").exec();
        assertThat(container.getConfig().getLabels()).containsEntry(ComposeLabels.PROJECT, project)
                .containsEntry(ComposeLabels.SERVICE, "app");
        assertThat(container.getHostConfig().getCapAdd()).containsExactly(Capability.NET_ADMIN);
        assertThat(container.getHostConfig().getCapDrop()).containsExactly(Capability.MKNOD);
        assertThat(container.getConfig().getTty()).isTrue();
        assertThat(container.getConfig().getHostName()).isEqualTo("parity-host");
        assertThat(container.getConfig().getStdinOpen()).isTrue();
        String logs = awaitLogs("app", "done");
        assertThat(logs).contains("inline-hello", "from-a-file", "SECRET=s3cr3t UNSET=unset", "inline-mode=440")
                .containsPattern("tmpfs /cache tmpfs .*size=1024k")
                .containsPattern("tmpfs /run/ptobs tmpfs ");
    }

    @Test
    void aMissingBindSourceWithCreateHostPathFalseIsRefusedBeforeAnythingIsCreated(TestEngine engine) throws Exception {
        ComposeProject p = load(engine, """
                services:
                  app:
                    image: IMAGE
                    labels: {org.peaktrade.obs.test: "true"}
                    volumes:
                      - {type: bind, source: ./not-there, target: /data, bind: {create_host_path: false}}
                """, Map.of("HOME", dir.toString()));

        assertThatThrownBy(() -> compose().up(p, ComposeEngine.UpOptions.defaults(), UpListener.SILENT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("not-there") + " (service app, target /data, bind.create_host_path: false)");
        assertThat(compose().ps(project)).isEmpty();
        assertThat(Files.exists(dir.resolve("not-there"))).isFalse();
    }

    /** The service's log once it contains the marker (tty output arrives as one raw stream). */
    private String awaitLogs(String service, String marker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String logs = "";
        while (System.nanoTime() < deadline) {
            logs = String.join("\n", compose().logs(project, service, 200, null));
            if (logs.contains(marker)) {
                return logs;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no \"" + marker + "\" in the log of " + service + " within 15 s:\n" + logs);
    }
}
