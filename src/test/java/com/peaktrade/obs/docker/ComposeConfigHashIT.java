package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import com.peaktrade.obs.compose.ComposeLoader;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.LoadRequest;
import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.ComposeV2;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker compose adopts what peaktrade-obs created: `docker compose up -d` on the same files, right
 * after our up, finds every container's config-hash (and image, networks, volumes) as it expects
 * and recreates nothing.
 */
@ExtendWith(EngineExtension.class)
class ComposeConfigHashIT {
    /** Every field our model carries, both syntaxes where compose hashes them differently. */
    private static final String COMPOSE = """
            services:
              app:
                image: IMAGE
                command: ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 0.2; done"]
                user: "65534:65534"
                hostname: app-host
                restart: "no"
                environment:
                  GREETING: ${GREETING:-hello}
                  FROM_SHELL:
                  NOWHERE:
                env_file:
                  - app.env
                  - path: missing.env
                    required: false
                labels:
                  org.peaktrade.obs.test: "true"
                  com.example.role: ${ROLE}
                ports:
                  - "127.0.0.1:${APP_PORT}:8080"
                  - target: 8081
                    host_ip: 127.0.0.1
                volumes:
                  - ./conf:/conf:ro
                  - data:/data
                  - /scratch
                  - type: bind
                    source: ./conf
                    target: /conf-long/
                    read_only: true
                  - type: volume
                    source: data
                    target: /data-long
                extra_hosts:
                  - "host.docker.internal:host-gateway"
                  - "peer=10.9.8.7"
                healthcheck:
                  test: ["CMD-SHELL", "true"]
                  interval: 500ms
                  timeout: 2s
                  retries: 3
                  start_period: 0s
                depends_on:
                  db: {condition: service_healthy}
                networks: [default, back]
              db:
                image: IMAGE
                entrypoint: ["sh", "-c"]
                command: ["trap 'exit 0' TERM; while :; do sleep 0.2; done"]
                labels: ["org.peaktrade.obs.test=true"]
                healthcheck:
                  test: ["CMD", "true"]
                  interval: 300ms
                networks:
                  back:
              extras:
                image: IMAGE
                container_name: PROJECT-extras
                command: ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 0.2; done"]
                labels: ["org.peaktrade.obs.test=true"]
                cap_add: [NET_ADMIN]
                cap_drop: [MKNOD]
                tmpfs: /run/extras
                stdin_open: true
                tty: true
                volumes:
                  - type: tmpfs
                    target: /cache
                    tmpfs:
                      size: 1m
                      mode: 01777
                  - type: tmpfs
                    target: /empty-options
                    tmpfs: {}
                  - type: tmpfs
                    target: /plain
                  - type: bind
                    source: ./conf
                    target: /conf-no-create
                    bind: {}
                configs:
                  - inline
                  - source: inline
                    target: /etc/extras/inline.conf
                    uid: "1000"
                    gid: "1000"
                    mode: 0440
                  - source: from-file
                    target: /etc/extras/app.conf
            volumes:
              data: {}
            networks:
              back: {}
            configs:
              inline:
                content: "greeting=${GREETING:-hello}"
              from-file:
                file: ./conf/app.conf
            """;

    @TempDir
    Path dir;

    private TestEngine engine;
    private String project;

    @AfterEach
    void downWithOurEngine() {
        if (engine != null) {
            new ComposeEngine(engine.docker()).down(project, true, Duration.ofSeconds(2), UpListener.SILENT);
            TestEngine.removeByLabel(engine.docker(), TestEngine.PROJECT_LABEL + "=" + project);
        }
    }

    @Test
    void dockerComposeUpRightAfterOurUpRecreatesNoContainer(TestEngine engine) throws Exception {
        ComposeV2.requireInstalled();
        this.engine = engine;
        this.project = "ptobs-it-hash-" + engine.project().substring(engine.project().lastIndexOf('-') + 1);
        Files.writeString(dir.resolve("compose.yaml"), COMPOSE.replace("IMAGE", TestEngine.jreImage())
                .replace("PROJECT", project));
        Files.writeString(dir.resolve("override.yaml"), "services:\n  app:\n    environment: [FROM_OVERRIDE=yes]\n");
        Files.writeString(dir.resolve("app.env"), "FROM_FILE=file\nGREETING=from-file\n");
        Files.writeString(dir.resolve(".env"), "ROLE=from-dotenv\n");
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/app.conf"), "x=1\n");
        // the same environment for both tools: compose interpolates and resolves bare keys with it too
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DOCKER_HOST", TestEngine.dockerHost());
        env.put("APP_PORT", Integer.toString(engine.freePort()));
        env.put("FROM_SHELL", "shell");
        List<Path> files = List.of(dir.resolve("compose.yaml"), dir.resolve("override.yaml"));
        ComposeProject loaded = new ComposeLoader().load(new LoadRequest(files, project, env, null)).project();

        new ComposeEngine(engine.docker()).up(loaded, new ComposeEngine.UpOptions(true, true, true, Duration.ofSeconds(90)),
                UpListener.SILENT);
        Map<String, String> ours = containerIds();
        CliProcess.Result compose = ComposeV2.run(env, dir, "-p", project,
                "-f", files.get(0).toString(), "-f", files.get(1).toString(), "up", "-d");

        assertThat(ours).containsOnlyKeys("app", "db", "extras");
        assertThat(compose.exitCode()).as(compose::toString).isZero();
        assertThat(containerIds()).as("container ids after docker compose up -d\n" + compose).isEqualTo(ours);
    }

    /** service → container id of every container carrying the project label. */
    private Map<String, String> containerIds() {
        Map<String, String> ids = new TreeMap<>();
        for (Container c : engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(TestEngine.PROJECT_LABEL, project)).exec()) {
            ids.put(c.getLabels().get(ComposeLabels.SERVICE), c.getId());
        }
        return ids;
    }
}
