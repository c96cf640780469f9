package com.peaktrade.obs.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.TestEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the remote-engine tests share: a free loopback port for the endpoint they start, waiting
 * until it listens, and one created (never started) container of a compose project of the test's
 * own, which `debug ps -p PROJECT` must find through the remote engine.
 */
final class RemoteEngineFixture {
    final String project;
    private final Path dir;

    RemoteEngineFixture(String name, Path dir) {
        this.project = "peaktrade-" + name + "-it-" + ProcessHandle.current().pid();
        this.dir = dir;
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return free.getLocalPort();
        }
    }

    static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listens on 127.0.0.1:" + port + " after 5 s");
    }

    String probeName() {
        return project + "-probe-1";
    }

    /** Created through the local socket, labelled for cleanup. */
    void createProbe() {
        var created = CliProcess.exec(List.of("docker", "create", "--name", probeName(), "--label", TestEngine.TEST_LABEL + "=1",
                "--label", "com.docker.compose.project=" + project, "--label", "com.docker.compose.service=probe",
                "--label", "com.docker.compose.container-number=1", "peaktrade-testbed/base:bookworm", "true"), Map.of(), dir, 1);
        assertThat(created.exitCode()).as(created.toString()).isZero();
    }

    void removeProbe() {
        CliProcess.exec(List.of("docker", "rm", "-f", probeName()), Map.of(), dir, 1);
    }

    /**
     * `grafana up`, `verify` and `down` of a project of {@code engine}'s through the remote engine
     * given by {@code remote} (its published ports are on this machine, so verify reaches them);
     * returns how long `up` took.
     */
    static java.time.Duration grafanaUpVerifyDown(TestEngine engine, Path dir, Map<String, String> remote) {
        return grafanaUpVerifyDown(engine, dir, remote, false);
    }

    /**
     * As above; with {@code tunnelled}, verify must have reached Grafana through a local port of its
     * own (an ssh tunnel), not at the port Grafana is published on.
     */
    static java.time.Duration grafanaUpVerifyDown(TestEngine engine, Path dir, Map<String, String> remote, boolean tunnelled) {
        Map<String, String> env = engine.stackEnv(dir);
        env.putAll(remote);
        String project = engine.project() + "-grafana";
        long started = System.nanoTime();
        var up = CliProcess.run(env, dir, "grafana", "up", "-p", project);
        java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - started);
        assertThat(up.exitCode()).as(up.toString()).isZero();
        var verify = CliProcess.run(env, dir, "grafana", "verify", "-p", project);
        assertThat(verify.out()).as(verify.toString()).endsWith("RESULT=PASS\n");
        if (tunnelled) {
            var json = CliProcess.run(env, dir, "grafana", "verify", "-p", project, "--format", "json");
            assertThat(json.out()).as(json.toString()).containsPattern("GET http://127\\.0\\.0\\.1:\\d+/api/health")
                    .doesNotContain("GET http://127.0.0.1:" + env.get("PEAKTRADE_OBS_GRAFANA_PORT") + "/api/health");
        }
        var down = CliProcess.run(env, dir, "grafana", "down", "-p", project);
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(CliProcess.run(env, dir, "debug", "ps", "-p", project).out()).doesNotContain(project + "-");
        return took;
    }
}
