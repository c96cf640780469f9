package com.peaktrade.obs.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.RequiredTool;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Podman's Docker API as the engine: a `podman system service` of the test's own on a socket in a
 * temp directory, with its own containers.conf. Rootful podman gives containers nofile 1048576,
 * which a host with a lower hard limit refuses, so the conf sets default_ulimits within this
 * host's limits. Without systemd podman runs no healthchecks: `up` and verify say so and judge
 * readiness by running the healthcheck tests themselves. There is no registry: the testbed images
 * come from the Docker engine (`docker save | podman load`) unless podman has them already.
 */
@ExtendWith(EngineExtension.class)
class PodmanEngineIT {
    /** This host refuses nproc 65536 and more for podman's containers; 32768 works. */
    private static final long NPROC = 32768;

    @TempDir
    static Path dir;
    static Path podman;
    static Process service;
    static Map<String, String> podmanEnv;
    static String dockerHost;

    @BeforeAll
    static void podmanServiceOfOurOwn() throws Exception {
        podman = RequiredTool.require("/usr/bin/podman", "podman");
        // podman's CNI networks resolve service names only with the dnsname plugin (netavark uses aardvark-dns)
        RequiredTool.require("/usr/lib/cni/dnsname", "golang-github-containernetworking-plugin-dnsname");
        long nofile = hardLimit("-Hn", 1_048_576);
        long nproc = Math.min(NPROC, hardLimit("-Hu", NPROC));
        Path conf = dir.resolve("containers.conf");
        Files.writeString(conf, "[containers]\ndefault_ulimits = [\"nofile=" + nofile + ":" + nofile + "\", \"nproc="
                + nproc + ":" + nproc + "\"]\n");
        podmanEnv = Map.of("CONTAINERS_CONF", conf.toString());
        Path socket = dir.resolve("podman.sock");
        dockerHost = "unix://" + socket;
        ProcessBuilder serve = new ProcessBuilder(podman.toString(), "system", "service", "--time=0", dockerHost)
                .redirectErrorStream(true).redirectOutput(dir.resolve("podman-service.log").toFile());
        serve.environment().putAll(podmanEnv);
        service = serve.start();
        awaitService();
        for (String image : List.of(TestEngine.prometheusImage(), TestEngine.grafanaImage(), TestEngine.jreImage())) {
            loadUnlessPresent(image);
        }
    }

    @AfterAll
    static void stopService() throws Exception {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    @Test
    void theShadowStackComesUpVerifiesAndGoesDownOnPodmanWhichRunsNoHealthchecks(TestEngine engine) {
        String project = engine.project() + "-podman";
        Map<String, String> env = engine.stackEnv(dir);
        env.put("DOCKER_HOST", dockerHost);
        try {
            long started = System.nanoTime();
            var up = CliProcess.run(env, dir, "shadow", "up", "-p", project);
            System.out.println("[timing] shadow up on podman: " + (System.nanoTime() - started) / 1_000_000 + " ms");
            assertThat(up.exitCode()).as(up.toString()).isZero();
            assertThat(up.out()).as(up.toString()).contains("  WARN the Podman Engine at " + dockerHost + " (DOCKER_HOST) runs no "
                    + "healthchecks").contains("peaktrade-obs ran their healthcheck tests itself, and they pass");

            var verify = CliProcess.run(env, dir, "shadow", "verify", "-p", project);
            System.out.println("[podman verify]\n" + verify.out());
            assertThat(verify.out()).as(verify.toString()).endsWith("RESULT=PASS\n").doesNotContain("FAIL|")
                    .contains("PASS|docker.daemon|Podman Engine ")
                    .containsPattern("WARN\\|stack\\.containers\\|3 services running, but the engine \\(Podman Engine [^)]*\\) "
                            + "runs no healthchecks");

            var down = CliProcess.run(env, dir, "shadow", "down", "-p", project);
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(onPodman("ps", "-a", "-q", "--filter", "label=" + TestEngine.PROJECT_LABEL + "=" + project)).isBlank();
            assertThat(onPodman("network", "ls", "-q", "--filter", "label=" + TestEngine.PROJECT_LABEL + "=" + project)).isBlank();
        } finally {
            String left = onPodman("ps", "-a", "-q", "--filter", "label=" + TestEngine.PROJECT_LABEL + "=" + project);
            if (!left.isBlank()) {
                CliProcess.exec(concat(List.of(podman.toString(), "rm", "-f", "-t", "1"), List.of(left.strip().split("\\s+"))),
                        podmanEnv, dir, 2);
            }
            onPodman("network", "rm", "-f", project + "_default");
        }
    }

    /** `ulimit` of this host as a number; {@code unlimited} (or unreadable) gives {@code fallback}. */
    private static long hardLimit(String flag, long fallback) {
        var limit = CliProcess.exec(List.of("sh", "-c", "ulimit " + flag), Map.of(), dir, 1);
        try {
            return Long.parseLong(limit.out().strip());
        } catch (NumberFormatException unlimited) {
            return fallback;
        }
    }

    private static void awaitService() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (CliProcess.exec(List.of("docker", "-H", dockerHost, "version"), Map.of(), dir, 1).exitCode() == 0) {
                return;
            }
            assertThat(service.isAlive()).as("podman system service is running (see podman-service.log)").isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("podman system service does not answer on " + dockerHost + " after 20 s");
    }

    /** Loads the Docker engine's image unless podman holds the same build (a rebuilt testbed image has a new id). */
    private static void loadUnlessPresent(String image) {
        String inDocker = CliProcess.exec(List.of("docker", "image", "inspect", "-f", "{{.Id}}", image), Map.of(), dir, 1).out().strip();
        String inPodman = CliProcess.exec(List.of(podman.toString(), "image", "inspect", "-f", "{{.Id}}", image), podmanEnv, dir, 1)
                .out().strip();
        if (!inPodman.isEmpty() && inDocker.endsWith(inPodman)) {
            return;
        }
        var loaded = CliProcess.exec(List.of("sh", "-c", "docker save \"$1\" | " + podman + " load", "load", image), podmanEnv, dir, 5);
        assertThat(loaded.exitCode()).as("docker save " + image + " | podman load: " + loaded).isZero();
    }

    private static String onPodman(String... args) {
        return CliProcess.exec(concat(List.of(podman.toString()), List.of(args)), podmanEnv, dir, 2).out();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
