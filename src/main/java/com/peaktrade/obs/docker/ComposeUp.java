package com.peaktrade.obs.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.ServiceSpec;
import com.peaktrade.obs.docker.EngineCalls.Answer;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.http.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Brings a project up: pre-flight (a refusal leaves nothing behind), pulls missing images, creates
 * networks and volumes, (re)creates containers whose config changed, starts them in dependency
 * order (independent services at once) and waits until each is up ({@link Readiness}).
 */
final class ComposeUp {
    /** Rootful podman gives containers RLIMIT_NOFILE 1048576, which a host with a lower hard limit refuses. */
    static final String RLIMIT_HINT = "the engine asked for resource limits above this host's hard limits (rootful podman "
            + "gives containers nofile 1048576): set them in containers.conf (/etc/containers/containers.conf, or the "
            + "file CONTAINERS_CONF names), e.g. [containers] default_ulimits = [\"nofile=N:N\", \"nproc=32768:32768\"] with "
            + "N at most `ulimit -Hn`, then restart the podman service (podman system service)";
    private final EngineCalls calls;
    private final ProjectQuery query;
    private final ComposeDown removal;
    private final Readiness readiness;
    private final ImagePuller puller;
    private final ConfigDelivery configs;
    private final boolean copyFiles;

    /** @param copyFiles the engine runs on another machine: copy the stack's files instead of bind-mounting them */
    ComposeUp(EngineCalls calls, ProjectQuery query, boolean copyFiles) {
        this.copyFiles = copyFiles;
        this.calls = calls;
        this.query = query;
        this.removal = new ComposeDown(calls, query);
        this.readiness = new Readiness(calls, query);
        this.puller = new ImagePuller(calls);
        this.configs = new ConfigDelivery(calls);
    }

    List<ContainerStatus> up(ComposeProject project, ComposeEngine.UpOptions options, UpListener listener) {
        if (!project.services().isEmpty()) {
            CreateRequest.warmUpAhead(project);
        }
        Preflight.checkLocally(project);
        // the engine takes ~150 ms to create a network: it does while the engine-side pre-flight and the
        // image checks run, and a network this up created is removed again if they refuse
        List<String> createdNetworks = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> networks = CompletableFuture.runAsync(() -> ensureNetworks(project, listener, createdNetworks),
                task -> daemon(task, "compose-networks-" + project.name()).start());
        Map<String, String> imageIds = new LinkedHashMap<>();
        try {
            new Preflight(query).checkOnEngine(project);
            for (ServiceSpec s : project.services().values()) {
                imageIds.computeIfAbsent(s.image(), image -> puller.ensure(image, project, listener));
            }
        } catch (RuntimeException | Error refused) {
            removeAfterRefusal(networks, createdNetworks, listener);
            throw refused;
        }
        awaitAll(Map.of("networks", networks));
        ensureVolumes(project, listener);
        if (options.removeOrphans()) {
            removeOrphans(project, listener);
        }
        startAsDependenciesAllow(project, imageIds, options, listener);
        listener.started();
        readiness.awaitUp(project, options.waitTimeout(), listener);
        return query.ps(project.name());
    }

    /**
     * Creates and starts each service as soon as its dependencies allow, as compose does: a service
     * waits only for its own {@code depends_on}, so independent services start at once instead of
     * queueing behind a dependency's healthcheck (each container start costs the engine ~1 s). One
     * difference, for the critical path: a standalone service (no dependency, no dependent) waits for
     * the start (not the health) of the services that head a dependency chain, see
     * {@link ComposeProject#chainHeads}. The first failure in start order is the one reported;
     * dependents of a failed service never start.
     */
    private void startAsDependenciesAllow(ComposeProject project, Map<String, String> imageIds,
            ComposeEngine.UpOptions options, UpListener listener) {
        List<String> heads = project.chainHeads();
        List<String> order = new ArrayList<>(heads);
        project.startOrder().stream().filter(name -> !heads.contains(name)).forEach(order::add);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(order.size(), 8), task -> daemon(task, "compose-up-" + project.name()));
        Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        try {
            for (String serviceName : order) {
                ServiceSpec service = project.service(serviceName);
                CompletableFuture<?>[] dependencies = (project.standalone(serviceName) ? heads.stream()
                        : service.dependsOn().keySet().stream()).map(started::get).filter(Objects::nonNull)
                        .toArray(CompletableFuture[]::new);
                started.put(serviceName, CompletableFuture.allOf(dependencies).thenRunAsync(() -> {
                    readiness.awaitDependencies(project, service, options.waitTimeout(), listener);
                    String id = converge(project, service, imageIds.get(service.image()), options, listener);
                    start(id, ContainerSpecs.containerName(project, serviceName), listener);
                }, pool));
            }
            awaitAll(started);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The pre-flight or an image refused: what this up created meanwhile goes again (it carries our label; `down` would too). */
    private void removeAfterRefusal(CompletableFuture<Void> networks, List<String> created, UpListener listener) {
        try {
            networks.join();
        } catch (CompletionException | CancellationException failedToo) {
            // the refusal is what the user needs to hear
        }
        for (String name : created) {
            try {
                calls.change("remove network " + name, docker -> docker.removeNetworkCmd(name).exec());
                listener.step("network " + name + " removed again (up refused before starting anything)");
            } catch (RuntimeException stays) {
                listener.step("network " + name + " stays (`down` removes it): " + stays.getMessage());
            }
        }
    }

    /** Waits for every start; on the first failure rethrows it as it was thrown (fail fast). */
    private static void awaitAll(Map<String, CompletableFuture<Void>> started) {
        CompletableFuture<Void> all = CompletableFuture.allOf(started.values().toArray(CompletableFuture[]::new));
        CompletableFuture<Object> firstFailure = new CompletableFuture<>();
        started.values().forEach(f -> f.whenComplete((ok, e) -> {
            if (e != null) {
                firstFailure.completeExceptionally(e);
            }
        }));
        try {
            CompletableFuture.anyOf(all, firstFailure).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("interrupted while starting containers", "run `down` to remove what was created", e);
        } catch (ExecutionException e) {
            // a dependent fails with its dependency's exception: report the earliest in start order
            Throwable cause = started.values().stream().filter(CompletableFuture::isCompletedExceptionally)
                    .findFirst().map(ComposeUp::failureOf).orElse(e.getCause());
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static Throwable failureOf(CompletableFuture<Void> future) {
        try {
            future.getNow(null);
            return null;
        } catch (CompletionException | CancellationException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private boolean networkExists(String name) {
        return !query.networksNamed(List.of(name)).isEmpty();
    }

    /** @param created receives the names of the networks this call created (not those that existed) */
    private void ensureNetworks(ComposeProject project, UpListener listener, List<String> created) {
        for (String key : Preflight.networkKeys(project)) {
            var spec = project.networks().get(key);
            String name = ContainerSpecs.networkName(project, key);
            if (spec != null && spec.external()) {
                if (!networkExists(name)) {
                    throw new ConfigException("external network " + name + " (key " + key + ") does not exist",
                            "create it first: docker network create " + name);
                }
                continue;
            }
            if (!networkExists(name)) {
                Map<String, String> labels = new LinkedHashMap<>(spec == null ? Map.of() : spec.labels());
                labels.put(ComposeLabels.PROJECT, project.name());
                labels.put(ComposeLabels.NETWORK, key);
                labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
                labels.put(ComposeLabels.CREATED_BY, "peaktrade-obs");
                var reply = calls.postJson("create network " + name, "/networks/create",
                        createBody(name, spec == null || spec.driver() == null ? "bridge" : spec.driver(), labels));
                if (reply.done()) {
                    created.add(name);
                }
                // a conflict: another `up` of the same project made it a moment ago
                if (reply.done() || reply.answer() == Answer.CONFLICT) {
                    listener.step("network " + name + " created");
                } else {
                    throw new EnvironmentException("create network " + name + " failed on " + calls.engine() + ": "
                            + reply.said(), "rerun up");
                }
            }
        }
    }

    /** The body of a network's or a volume's create request: name, driver, labels. */
    private static byte[] createBody(String name, String driver, Map<String, String> labels) {
        var request = Json.MAPPER.createObjectNode().put("Name", name).put("Driver", driver);
        request.set("Labels", Json.MAPPER.valueToTree(labels));
        return DockerJavaJson.body(request);
    }

    private void ensureVolumes(ComposeProject project, UpListener listener) {
        for (var entry : project.volumes().entrySet()) {
            var spec = entry.getValue();
            String name = ContainerSpecs.volumeName(project, entry.getKey());
            if (calls.findJson("inspect volume " + name, "/volumes/" + name).isPresent()) {
                continue;
            }
            if (spec.external()) {
                throw new ConfigException("external volume " + name + " does not exist",
                        "create it first: docker volume create " + name);
            }
            Map<String, String> labels = new LinkedHashMap<>(spec.labels());
            labels.put(ComposeLabels.PROJECT, project.name());
            labels.put(ComposeLabels.VOLUME, entry.getKey());
            labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
            var created = calls.postJson("create volume " + name, "/volumes/create",
                    createBody(name, spec.driver() == null ? "local" : spec.driver(), labels));
            if (!created.done()) {
                throw calls.failure("create volume " + name, created.refusal());
            }
            listener.step("volume " + name + " created");
        }
    }

    private void removeOrphans(ComposeProject project, UpListener listener) {
        for (JsonNode c : query.listed(project.name())) {
            String service = ProjectQuery.labelOf(c, ComposeLabels.SERVICE);
            if (service == null || !project.services().containsKey(service)) {
                removal.remove(c.path("Id").asText(), ProjectQuery.nameOf(c), true, Duration.ofSeconds(10));
                listener.step("orphan container " + ProjectQuery.nameOf(c) + " removed");
            }
        }
    }

    /** Keeps an up-to-date container, else (re)creates it; returns the container id. */
    private String converge(ComposeProject project, ServiceSpec service, String imageId, ComposeEngine.UpOptions options,
            UpListener listener) {
        String name = ContainerSpecs.containerName(project, service.name());
        List<FileCopies.Copy> copies = copyFiles ? FileCopies.of(project, service) : List.of();
        List<Bind> keptAnonymous = List.of();
        Optional<InspectContainerResponse> existing = calls.findJson("inspect container " + name, "/containers/" + name + "/json")
                .map(answer -> DockerJavaJson.read(answer, InspectContainerResponse.class));
        if (existing.isPresent()) {
            InspectContainerResponse old = existing.get();
            Map<String, String> labels = old.getConfig().getLabels();
            boolean same = FileCopies.configHash(service, copies).equals(labels.get(ComposeLabels.CONFIG_HASH))
                    && (imageId == null || imageId.equals(labels.get(ComposeLabels.IMAGE)));
            if (same && !options.forceRecreate() && !options.renewAnonVolumes()) {
                listener.step("container " + name + " up to date");
                return old.getId();
            }
            if (!options.renewAnonVolumes()) {
                keptAnonymous = anonymousVolumesOf(old, service);
            }
            removal.remove(old.getId(), name, options.renewAnonVolumes(), Duration.ofSeconds(10));
            listener.step("container " + name + " removed for recreation");
        }
        String id = create(project, service, name, imageId, keptAnonymous, copies, listener);
        listener.step("container " + name + " created");
        return id;
    }

    /** compose keeps anonymous volumes across a recreate unless -V: we re-attach them by name. */
    private static List<Bind> anonymousVolumesOf(InspectContainerResponse old, ServiceSpec service) {
        var anonTargets = ContainerSpecs.anonymousVolumes(service).stream().map(Volume::getPath).toList();
        List<Bind> kept = new ArrayList<>();
        if (old.getMounts() == null) {
            return kept;
        }
        for (var mount : old.getMounts()) {
            if (mount.getName() != null && mount.getDestination() != null
                    && anonTargets.contains(mount.getDestination().getPath())) {
                kept.add(new Bind(mount.getName(), new Volume(mount.getDestination().getPath())));
            }
        }
        return kept;
    }

    private String create(ComposeProject project, ServiceSpec service, String name, String imageId,
            List<Bind> keptAnonymous, List<FileCopies.Copy> copies, UpListener listener) {
        List<String> networkKeys = CreateRequest.networkKeys(service);
        String what = "create container " + name;
        // docker-java's command, whose exec() completes the request (the aliases' network), sent over its transport
        CreateContainerCmd.Exec overTransport = request -> {
            var created = calls.postJson(what, "/containers/create?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                    DockerJavaJson.body(request));
            if (!created.done()) {
                throw calls.failure(what, created.refusal());
            }
            return DockerJavaJson.read(created.value(), CreateContainerResponse.class);
        };
        String id = CreateRequest.fill(new CreateContainerCmdImpl(overTransport, null, service.image()), project, service, imageId,
                keptAnonymous, copies).exec().getId();
        for (String key : networkKeys.subList(1, networkKeys.size())) {
            String network = ContainerSpecs.networkName(project, key);
            calls.run("connect container " + name + " to network " + network, docker -> docker.connectToNetworkCmd()
                    .withContainerId(id).withNetworkId(network)
                    .withContainerNetwork(new ContainerNetwork().withAliases(service.name(), name)).exec());
        }
        configs.deliver(project, service, id, name, copies);
        if (!copies.isEmpty()) {
            listener.step("container " + name + ": " + copies.size() + " file" + (copies.size() == 1 ? "" : "s")
                    + " copied in (the engine is not on this machine)");
        }
        return id;
    }

    /** runc says "error setting rlimit(s) …", crun "setrlimit `RLIMIT_NOFILE`: Operation not permitted". */
    static boolean rlimitRefused(String engineMessage) {
        return engineMessage.contains("error setting rlimit") || engineMessage.contains("setrlimit");
    }

    private void start(String id, String name, UpListener listener) {
        EngineCalls.Reply<JsonNode> started;
        try {
            started = calls.postJson("start container " + name, "/containers/" + id + "/start", null);
        } catch (EnvironmentException e) {
            if (e.getCause() instanceof DockerException refused
                    && EngineCalls.engineMessage(refused).contains("port is already allocated")) {
                throw new EnvironmentException("container " + name + " could not start: " + EngineCalls.engineMessage(refused),
                        "another container took the port after the pre-flight check; stop it and rerun", e);
            }
            if (e.getCause() instanceof DockerException refused
                    && rlimitRefused(EngineCalls.engineMessage(refused))) {
                throw new EnvironmentException("container " + name + " could not start on " + calls.engine() + ": "
                        + EngineCalls.engineMessage(refused), RLIMIT_HINT, e);
            }
            throw e;
        }
        switch (started.answer()) {
            case DONE -> listener.step("container " + name + " started");
            case NOT_MODIFIED -> listener.step("container " + name + " running");
            default -> throw new EnvironmentException("container " + name + " could not start: " + started.said(),
                    "see `peaktrade-obs debug logs` and the engine's message above");
        }
    }
}
