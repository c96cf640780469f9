package com.peaktrade.obs.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One test class's view of the real Docker engine. Everything it creates carries
 * {@link #TEST_LABEL} and the compose project label of {@link #project()}, so cleanup (here and in
 * .ci/run) finds it by label and never touches anything else.
 */
public final class TestEngine implements AutoCloseable {
    /** Marks every resource an integration test creates; .ci/run removes leftovers by it. */
    public static final String TEST_LABEL = "org.peaktrade.obs.test";
    public static final String PROJECT_LABEL = "com.docker.compose.project";

    private static final Set<Integer> HANDED_OUT_PORTS = new HashSet<>();
    private final String project;
    private final DockerClient docker;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    TestEngine(String project) {
        this.project = project;
        this.docker = newClient();
    }

    /** The host the tests (and the product under test) use: DOCKER_HOST or the default socket. */
    public static String dockerHost() {
        String host = System.getenv("DOCKER_HOST");
        return host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host;
    }

    static DockerClient newClient() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost()).build();
        var http = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(3)).responseTimeout(Duration.ofSeconds(120)).build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** null when the engine answers, else why not. */
    static String unreachableReason() {
        try (DockerClient probe = newClient()) {
            probe.pingCmd().exec();
            return null;
        } catch (Exception | Error e) {
            return dockerHost() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** A unique compose project name for this test class (lower-case, compose-legal). */
    public String project() {
        return project;
    }

    public DockerClient docker() {
        return docker;
    }

    /** Labels to put on every container, network and volume a test creates. */
    public Map<String, String> labels() {
        return Map.of(TEST_LABEL, "true", PROJECT_LABEL, project);
    }

    /** A host port that was free a moment ago and not handed out before in this JVM. */
    public int freePort() {
        synchronized (HANDED_OUT_PORTS) {
            for (int attempt = 0; attempt < 50; attempt++) {
                try (ServerSocket socket = new ServerSocket(0)) {
                    int port = socket.getLocalPort();
                    if (HANDED_OUT_PORTS.add(port)) {
                        return port;
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("no free port", e);
                }
            }
            throw new IllegalStateException("no free port after 50 attempts");
        }
    }

    /** An image from an environment variable (e.g. PEAKTRADE_OBS_GRAFANA_IMAGE), else the testbed default. */
    public static String image(String envVar, String testbedDefault) {
        String value = System.getenv(envVar);
        return value == null || value.isBlank() ? testbedDefault : value;
    }

    public static String prometheusImage() {
        return image("PEAKTRADE_OBS_PROMETHEUS_IMAGE", "peaktrade-testbed/prometheus:3.5");
    }

    /** The Prometheus version an image carries (testbed label), else "version unknown". */
    public static String prometheusVersion(String image) {
        try (DockerClient client = newClient()) {
            Map<String, String> labels = client.inspectImageCmd(image).exec().getConfig().getLabels();
            String version = labels == null ? null : labels.get("org.peaktrade.testbed.prometheus.version");
            return version == null ? "version unknown" : version;
        } catch (Exception e) {
            return "version unknown: " + e.getMessage();
        }
    }

    public static String grafanaImage() {
        return image("PEAKTRADE_OBS_GRAFANA_IMAGE", "peaktrade-testbed/grafana-standin:1");
    }

    public static String jreImage() {
        return image("PEAKTRADE_OBS_EXPORTER_IMAGE", "peaktrade-testbed/jre:17");
    }

    /**
     * The environment for running one of our stacks through the CLI in a test: testbed (or
     * overridden) images, free host ports, and state/config directories under {@code dir}, so
     * nothing touches the user's. Mutable: tests add or read entries.
     */
    public java.util.Map<String, String> stackEnv(java.nio.file.Path dir) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("PEAKTRADE_OBS_PROMETHEUS_IMAGE", prometheusImage());
        env.put("PEAKTRADE_OBS_GRAFANA_IMAGE", grafanaImage());
        env.put("PEAKTRADE_OBS_EXPORTER_IMAGE", jreImage());
        env.put("PEAKTRADE_OBS_PROMETHEUS_PORT", Integer.toString(freePort()));
        env.put("PEAKTRADE_OBS_GRAFANA_PORT", Integer.toString(freePort()));
        env.put("PEAKTRADE_OBS_EXPORTER_PORT", Integer.toString(freePort()));
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        return env;
    }

    /** Creates a user network named {@code <project>_<suffix>} carrying our labels; returns its name. */
    public String createNetwork(String suffix) {
        String name = project + "_" + suffix;
        docker.createNetworkCmd().withName(name).withDriver("bridge").withLabels(labels()).exec();
        return name;
    }

    /** Creates (with our labels added) and starts a container; returns its id. */
    public String run(String image, Consumer<CreateContainerCmd> customizer) {
        CreateContainerCmd cmd = docker.createContainerCmd(image).withLabels(labels());
        customizer.accept(cmd);
        Map<String, String> merged = new java.util.HashMap<>(cmd.getLabels());
        merged.putAll(labels());
        cmd.withLabels(merged);
        String id = cmd.exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** Polls a URL until it answers the expected status or the budget runs out; returns the last body. */
    public String awaitHttp(String url, int expectedStatus, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        String last = "no answer";
        long pause = 50;
        while (true) {
            try {
                HttpResponse<String> resp = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (resp.statusCode() == expectedStatus) {
                    return resp.body();
                }
                last = "HTTP " + resp.statusCode() + ": " + resp.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + url, e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected HTTP " + expectedStatus + " from " + url + " within " + budget
                        + "; last: " + last);
            }
            sleepQuietly(pause);
            pause = Math.min(pause * 2, 500);
        }
    }

    /** Polls a JSON URL (HTTP 200) until the predicate holds or the budget runs out; returns the last document. */
    public com.fasterxml.jackson.databind.JsonNode awaitJson(String url, Duration budget,
            java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> until) {
        long deadline = System.nanoTime() + budget.toNanos();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        long pause = 50;
        while (true) {
            com.fasterxml.jackson.databind.JsonNode doc;
            try {
                doc = mapper.readTree(awaitHttp(url, 200, budget));
            } catch (IOException e) {
                throw new AssertionError("not JSON from " + url, e);
            }
            if (until.test(doc)) {
                return doc;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met by " + url + " within " + budget + "; last: " + doc);
            }
            sleepQuietly(pause);
            pause = Math.min(pause * 2, 500);
        }
    }

    /**
     * Waits until the Prometheus in the given container (its published 9090) reports every target of the job
     * as down. A stopped target reads up until Prometheus' first failed scrape after the stop, and verify
     * judges targets by Prometheus' own view, so a test that stops an exporter waits for that view first.
     */
    public void awaitTargetsDown(String prometheusContainer, String job) {
        var bindings = docker.inspectContainerCmd(prometheusContainer).exec().getNetworkSettings().getPorts().getBindings();
        String port = bindings.get(com.github.dockerjava.api.model.ExposedPort.tcp(9090))[0].getHostPortSpec();
        awaitJson("http://127.0.0.1:" + port + "/api/v1/targets", Duration.ofSeconds(30), doc -> {
            boolean any = false;
            for (var target : doc.path("data").path("activeTargets")) {
                if (job.equals(target.path("labels").path("job").asText())) {
                    if (!"down".equals(target.path("health").asText())) {
                        return false;
                    }
                    any = true;
                }
            }
            return any;
        });
    }

    /** Runs a command in a running container and returns its stdout and stderr. */
    public String exec(String containerId, String... command) {
        String execId = docker.execCreateCmd(containerId).withCmd(command).withAttachStdout(true)
                .withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        try {
            docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.toString();
    }

    /** The container's log so far (stdout and stderr), for assertion messages. */
    public String logs(String containerId) {
        StringBuilder out = new StringBuilder();
        try {
            docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(200)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NotFoundException e) {
            return "(container " + containerId + " is gone)";
        }
        return out.toString();
    }

    /** Removes every container, network and volume carrying this project's label. */
    public void removeAll() {
        removeByLabel(docker, PROJECT_LABEL + "=" + project);
    }

    /** Removes every resource carrying the given label filter ("key" or "key=value"). */
    public static void removeByLabel(DockerClient docker, String labelFilter) {
        List<Container> containers = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(labelFilter)).exec();
        for (Container c : containers) {
            try {
                docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException gone) {
                // already removed: that is what we wanted
            }
        }
        String[] kv = labelFilter.split("=", 2);
        for (Network n : docker.listNetworksCmd().exec()) {
            Map<String, String> labels = n.getLabels();
            if (labels != null && labels.containsKey(kv[0])
                    && (kv.length == 1 || kv[1].equals(labels.get(kv[0])))) {
                try {
                    docker.removeNetworkCmd(n.getId()).exec();
                } catch (NotFoundException gone) {
                    // already removed
                }
            }
        }
        docker.listVolumesCmd().withFilter("label", List.of(labelFilter)).exec().getVolumes()
                .forEach(v -> {
                    try {
                        docker.removeVolumeCmd(v.getName()).exec();
                    } catch (NotFoundException gone) {
                        // already removed
                    }
                });
    }

    @Override
    public void close() {
        try {
            removeAll();
        } finally {
            try {
                docker.close();
            } catch (IOException ignored) {
                // the client holds no state worth reporting
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
