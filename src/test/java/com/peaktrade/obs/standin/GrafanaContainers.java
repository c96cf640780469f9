package com.peaktrade.obs.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import com.peaktrade.obs.testing.RepositoryAssets;
import com.peaktrade.obs.testing.TestEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * Starts the Grafana image under test (the stand-in, or real grafana/grafana via
 * PEAKTRADE_OBS_GRAFANA_IMAGE) and the testbed Prometheus the way the stacks do, and talks to Grafana
 * with basic auth. Fixtures come from src/test/resources/standin/.
 */
final class GrafanaContainers {
    static final String ADMIN = "admin";
    static final String PROMETHEUS_ALIAS = "prometheus-local";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private GrafanaContainers() {
    }

    /** An answer from Grafana: status, Content-Type, raw body. */
    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }
    }

    /** A started Grafana: container id and base URL on 127.0.0.1. */
    record Grafana(String id, String base) {
    }

    /** Copies a fixture tree to {@code into}, readable by the container's uid 472. */
    static Path fixture(String name, Path into) {
        try {
            Path source = Path.of(GrafanaContainers.class.getResource("/standin/" + name).toURI());
            Path target = into.resolve(name);
            RepositoryAssets.copyTree(source, target);
            RepositoryAssets.readableByContainers(into);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The testbed Prometheus on {@code network}, reachable there as {@value #PROMETHEUS_ALIAS}:9090. */
    static String startPrometheus(TestEngine engine, String network) {
        return engine.run(TestEngine.prometheusImage(), cmd -> cmd
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network))
                .withAliases(PROMETHEUS_ALIAS));
    }

    /**
     * Starts Grafana with {@code provisioning} at /etc/grafana/provisioning and each "hostPath:containerPath"
     * of {@code binds} read-only; {@code dataVolume} (or null) at /var/lib/grafana; port 3000 on 127.0.0.1.
     */
    static Grafana startGrafana(TestEngine engine, String network, Path provisioning, List<String> binds,
            String dataVolume, List<String> env) {
        int port = engine.freePort();
        List<Bind> all = new ArrayList<>();
        all.add(new Bind(provisioning.toString(), new Volume("/etc/grafana/provisioning"), AccessMode.ro));
        for (String b : binds) {
            String[] hc = b.split(":", 2);
            all.add(new Bind(hc[0], new Volume(hc[1]), AccessMode.ro));
        }
        if (dataVolume != null) {
            all.add(new Bind(dataVolume, new Volume("/var/lib/grafana")));
        }
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", port), ExposedPort.tcp(3000)))
                .withBinds(all);
        if (network != null) {
            host.withNetworkMode(network);
        }
        String id = engine.run(TestEngine.grafanaImage(), cmd -> cmd.withExposedPorts(ExposedPort.tcp(3000))
                .withEnv(env).withHostConfig(host));
        return new Grafana(id, "http://127.0.0.1:" + port);
    }

    static String createVolume(TestEngine engine, String suffix) {
        String name = engine.project() + "_" + suffix;
        engine.docker().createVolumeCmd().withName(name).withLabels(engine.labels()).exec();
        return name;
    }

    static Reply get(String url, String user, String password) {
        return send(request(url, user, password).GET());
    }

    static Reply post(String url, String user, String password, String json) {
        return send(request(url, user, password).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Reply head(String url) {
        return send(request(url, null, null).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpRequest.Builder request(String url, String user, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(40));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls an authenticated GET until its JSON satisfies {@code until} (dashboards load after the first 200). */
    static JsonNode awaitJson(String url, String user, String password, Duration budget, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + budget.toNanos();
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = get(url, user, password);
            if (last.status() == 200 && until.test(last.json())) {
                return last.json();
            }
            sleep(200);
        }
        throw new AssertionError("condition not met by " + url + " within " + budget + "; last: "
                + (last == null ? "none" : "HTTP " + last.status() + " " + last.body()));
    }

    /** Waits until the container has stopped; returns its final state. */
    static InspectContainerResponse.ContainerState awaitExit(TestEngine engine, String id, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        while (true) {
            var state = engine.docker().inspectContainerCmd(id).exec().getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                return state;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("container still running after " + budget + ":\n" + engine.logs(id));
            }
            sleep(200);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
