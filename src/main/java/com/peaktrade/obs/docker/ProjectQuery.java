package com.peaktrade.obs.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Frame;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What a project has on the engine, read-only: its containers (always selected by the project
 * label), their state as `ps` shows it, and their logs.
 */
final class ProjectQuery {
    private final EngineCalls calls;
    private final InspectReader states;

    ProjectQuery(EngineCalls calls) {
        this.calls = calls;
        this.states = new InspectReader(calls);
    }

    InspectReader states() {
        return states;
    }

    /** The project's containers, running or not, one-offs included. */
    List<Container> containers(String project) {
        return asContainers("list the containers of project " + project, Json.MAPPER.valueToTree(listed(project)));
    }

    /**
     * The project's containers as the engine lists them (JSON: Id, Names, Labels, State, Ports), not
     * read onto docker-java's model: {@code up} reads a few fields on its way to the first container
     * start, where building the model's deserializer costs more than the call (~35 ms, once a JVM).
     */
    List<JsonNode> listed(String project) {
        var filters = Json.MAPPER.createObjectNode();
        filters.putArray("label").add(ComposeLabels.projectFilter(project));
        JsonNode listed = calls.getJson("list the containers of project " + project,
                "/containers/json?all=1&filters=" + URLEncoder.encode(filters.toString(), StandardCharsets.UTF_8));
        List<JsonNode> ours = new ArrayList<>();
        // the engine's filter is exact, but re-check: never act on a container without our label
        listed.forEach(c -> {
            if (project.equals(labelOf(c, ComposeLabels.PROJECT))) {
                ours.add(c);
            }
        });
        return ours;
    }

    /** Every container on the engine, running or not, whoever made it (the pre-flight's name and port checks): one call, as listed. */
    List<JsonNode> allContainers() {
        List<JsonNode> all = new ArrayList<>();
        calls.getJson("list the containers", "/containers/json?all=1").forEach(all::add);
        return all;
    }

    /** A label of a listed container, null when it has none. */
    static String labelOf(JsonNode listed, String key) {
        return listed.path("Labels").path(key).textValue();
    }

    /** A listed container's name: its first name without the slash, else its short id. */
    static String nameOf(JsonNode listed) {
        JsonNode names = listed.path("Names");
        return shownName(names.size() > 0 ? names.get(0).asText() : null, listed.path("Id").asText());
    }

    /** The networks with exactly these names (the engine's name filter matches substrings), as the engine lists them. */
    List<JsonNode> networksNamed(List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        var filters = Json.MAPPER.createObjectNode();
        var byName = filters.putArray("name");
        names.forEach(byName::add);
        JsonNode listed = calls.getJson("look up network " + String.join(", ", names),
                "/networks?filters=" + URLEncoder.encode(filters.toString(), StandardCharsets.UTF_8));
        List<JsonNode> found = new ArrayList<>();
        listed.forEach(n -> {
            if (names.contains(n.path("Name").asText())) {
                found.add(n);
            }
        });
        return found;
    }

    // docker-java's own model, read by docker-java's own mapper from the answer we fetched: the same
    // objects as listContainersCmd gives, without making docker-java's client for a read-only command.
    // Made at first use (a holder), not with every ComposeEngine: up needs it only after its containers start.
    private static final class ContainerModel {
        static final ObjectReader READER = DockerJavaJson.reader(new TypeReference<List<Container>>() { });
    }

    private List<Container> asContainers(String what, JsonNode listed) {
        try {
            return ContainerModel.READER.readValue(ContainerModel.READER.treeAsTokens(listed));
        } catch (IOException e) {
            throw calls.failure(what, new UncheckedIOException(e));
        }
    }

    /** The project's containers (one-offs excluded), sorted by service. */
    List<ContainerStatus> ps(String project) {
        List<ContainerStatus> result = new ArrayList<>();
        for (Container c : containers(project)) {
            if ("True".equals(c.getLabels().get(ComposeLabels.ONEOFF))) {
                continue;
            }
            Optional<InspectedContainer> inspected = states.inspect(c.getId());
            if (inspected.isEmpty()) {
                continue;
            }
            var state = inspected.get();
            Duration uptime = state.running() ? since(state.startedAt()) : null;
            result.add(new ContainerStatus(c.getLabels().getOrDefault(ComposeLabels.SERVICE, "?"), nameOf(c),
                    c.getId(), c.getImage(), state.status(), state.health(),
                    state.running() ? null : toInt(state.exitCode()),
                    ports(c), uptime, StandInHealthcheck.engineSkipped(state)));
        }
        result.sort(Comparator.comparing(ContainerStatus::service));
        return result;
    }

    /** The last lines of one service's log (stdout and stderr interleaved), as a snapshot. */
    List<String> logs(String project, String service, Integer tail, Instant since) {
        List<Container> all = containers(project);
        List<Container> matches = all.stream().filter(c -> service.equals(c.getLabels().get(ComposeLabels.SERVICE))).toList();
        if (matches.isEmpty()) {
            var known = new TreeSet<String>();
            all.forEach(c -> known.add(c.getLabels().getOrDefault(ComposeLabels.SERVICE, "?")));
            throw new ConfigException("no service '" + service + "' in project " + project
                    + (known.isEmpty() ? " (the project has no containers)" : "; services: " + String.join(", ", known)),
                    known.isEmpty() ? "start the stack first" : "pick one of: " + String.join(", ", known));
        }
        return tail(matches.get(0).getId(), nameOf(matches.get(0)), tail, since);
    }

    /** A container's last log lines; none when it is gone. */
    List<String> tail(String containerId, String name, Integer lines, Instant since) {
        StringBuilder out = new StringBuilder();
        boolean read = calls.find("read the log of container " + name, docker -> {
            var cmd = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true);
            if (lines != null) {
                cmd.withTail(lines);
            }
            if (since != null) {
                cmd.withSince((int) since.getEpochSecond());
            }
            try {
                return cmd.exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        synchronized (out) {
                            out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }
                }).awaitCompletion(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }).isPresent();
        String text;
        synchronized (out) {
            text = out.toString();
        }
        return !read || text.isEmpty() ? List.of() : List.of(text.split("\r?\n"));
    }

    private static List<String> ports(Container c) {
        List<String> ports = new ArrayList<>();
        if (c.getPorts() != null) {
            for (ContainerPort p : c.getPorts()) {
                if (p.getPublicPort() != null) {
                    ports.add((p.getIp() == null ? "" : p.getIp() + ":") + p.getPublicPort() + "->" + p.getPrivatePort()
                            + "/" + p.getType());
                }
            }
        }
        return ports.stream().distinct().toList();
    }

    static String nameOf(Container c) {
        String[] names = c.getNames();
        return shownName(names != null && names.length > 0 ? names[0] : null, c.getId());
    }

    /** The engine lists a name as "/name"; a container without one is shown by its short id. */
    private static String shownName(String firstName, String id) {
        return firstName != null ? firstName.replaceFirst("^/", "") : id.substring(0, Math.min(12, id.length()));
    }

    /** How long ago an RFC 3339 start time was; null when unparsable. */
    static Duration since(String startedAt) {
        try {
            return Duration.between(OffsetDateTime.parse(startedAt).toInstant(), Instant.now());
        } catch (RuntimeException unparsable) {
            return null;
        }
    }

    private static Integer toInt(Long value) {
        return value == null ? null : value.intValue();
    }
}
