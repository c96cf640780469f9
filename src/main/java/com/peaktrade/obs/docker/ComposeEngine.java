package com.peaktrade.obs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Volume;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.DependsOn;
import com.peaktrade.obs.compose.ServiceSpec;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.poll.Poller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Our compose engine on docker-java: up, down, ps, logs for one project. Everything it creates
 * carries the compose labels; everything it lists or removes is selected by the project label.
 */
public final class ComposeEngine {
    /**
     * Without a healthcheck, "running" right after start says little: a process that crashes on a
     * bad config is still running for a few milliseconds. Such a container counts as up only after
     * it has run this long, so a crash during start fails `up` instead of passing it.
     */
    static final Duration STABLE_RUNNING = Duration.ofSeconds(1);

    private final DockerClient docker;
    private final ImagePuller puller;
    private final InspectReader states;
    private final ConfigDelivery configs;

    public ComposeEngine(DockerEngine engine) {
        this(engine.client());
    }

    public ComposeEngine(DockerClient docker) {
        this.docker = docker;
        this.puller = new ImagePuller(docker);
        this.states = new InspectReader(docker);
        this.configs = new ConfigDelivery(docker);
    }

    /** Options of `up`, with compose's meaning. */
    public record UpOptions(boolean forceRecreate, boolean renewAnonVolumes, boolean removeOrphans, Duration waitTimeout) {
        public static UpOptions defaults() {
            return new UpOptions(false, false, true, Duration.ofMinutes(3));
        }
    }

    /** What `down` removed. */
    public record DownResult(List<String> containers, List<String> networks, List<String> volumes) {
        public boolean nothingRemoved() {
            return containers.isEmpty() && networks.isEmpty() && volumes.isEmpty();
        }
    }

    /**
     * Brings the project up: pre-flight (creates nothing on failure), pulls missing images, creates
     * networks and volumes, (re)creates containers whose config changed, starts them in dependency
     * order (independent services at once) and waits until each runs (and is healthy where it has a
     * healthcheck).
     */
    public List<ContainerStatus> up(ComposeProject project, UpOptions options, UpListener listener) {
        new Preflight(docker).run(project);
        Map<String, String> imageIds = new LinkedHashMap<>();
        for (ServiceSpec s : project.services().values()) {
            imageIds.computeIfAbsent(s.image(), image -> puller.ensure(image, project, listener));
        }
        ensureNetworks(project, listener);
        ensureVolumes(project, listener);
        if (options.removeOrphans()) {
            removeOrphans(project, listener);
        }
        startAsDependenciesAllow(project, imageIds, options, listener);
        awaitUp(project, options.waitTimeout(), listener);
        return ps(project.name());
    }

    /**
     * Creates and starts each service as soon as its dependencies allow, as compose does: a service
     * waits only for its own {@code depends_on}, so independent services start at once instead of
     * queueing behind a dependency's healthcheck (each container start costs the engine ~1 s). The
     * first failure in start order is the one reported; dependents of a failed service never start.
     */
    private void startAsDependenciesAllow(ComposeProject project, Map<String, String> imageIds, UpOptions options,
            UpListener listener) {
        List<String> order = project.startOrder();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(order.size(), 8), task -> {
            Thread thread = new Thread(task, "compose-up-" + project.name());
            thread.setDaemon(true);
            return thread;
        });
        Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        try {
            for (String serviceName : order) {
                ServiceSpec service = project.service(serviceName);
                CompletableFuture<?>[] dependencies = service.dependsOn().keySet().stream()
                        .map(started::get).filter(Objects::nonNull).toArray(CompletableFuture[]::new);
                started.put(serviceName, CompletableFuture.allOf(dependencies).thenRunAsync(() -> {
                    awaitDependencies(project, service, options.waitTimeout(), listener);
                    String id = converge(project, service, imageIds.get(service.image()), options, listener);
                    start(id, ContainerSpecs.containerName(project, serviceName), listener);
                }, pool));
            }
            awaitAll(started);
        } finally {
            pool.shutdownNow();
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
                    .findFirst().map(ComposeEngine::failureOf).orElse(e.getCause());
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
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

    private void ensureNetworks(ComposeProject project, UpListener listener) {
        for (String key : Preflight.networkKeys(project)) {
            var spec = project.networks().get(key);
            String name = ContainerSpecs.networkName(project, key);
            if (spec != null && spec.external()) {
                if (docker.listNetworksCmd().withNameFilter(name).exec().stream().noneMatch(n -> name.equals(n.getName()))) {
                    throw new ConfigException("external network " + name + " (key " + key + ") does not exist",
                            "create it first: docker network create " + name);
                }
                continue;
            }
            boolean exists = docker.listNetworksCmd().withNameFilter(name).exec().stream()
                    .anyMatch(n -> name.equals(n.getName()));
            if (!exists) {
                Map<String, String> labels = new LinkedHashMap<>(spec == null ? Map.of() : spec.labels());
                labels.put(ComposeLabels.PROJECT, project.name());
                labels.put(ComposeLabels.NETWORK, key);
                labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
                labels.put(ComposeLabels.CREATED_BY, "peaktrade-obs");
                docker.createNetworkCmd().withName(name)
                        .withDriver(spec == null || spec.driver() == null ? "bridge" : spec.driver())
                        .withLabels(labels).exec();
                listener.step("network " + name + " created");
            }
        }
    }

    private void ensureVolumes(ComposeProject project, UpListener listener) {
        for (var entry : project.volumes().entrySet()) {
            var spec = entry.getValue();
            String name = ContainerSpecs.volumeName(project, entry.getKey());
            try {
                docker.inspectVolumeCmd(name).exec();
            } catch (NotFoundException missing) {
                if (spec.external()) {
                    throw new ConfigException("external volume " + name + " does not exist",
                            "create it first: docker volume create " + name);
                }
                Map<String, String> labels = new LinkedHashMap<>(spec.labels());
                labels.put(ComposeLabels.PROJECT, project.name());
                labels.put(ComposeLabels.VOLUME, entry.getKey());
                labels.put(ComposeLabels.VERSION, ComposeLabels.COMPOSE_VERSION);
                docker.createVolumeCmd().withName(name).withDriver(spec.driver() == null ? "local" : spec.driver())
                        .withLabels(labels).exec();
                listener.step("volume " + name + " created");
            }
        }
    }

    private void removeOrphans(ComposeProject project, UpListener listener) {
        for (Container c : projectContainers(project.name())) {
            String service = c.getLabels().get(ComposeLabels.SERVICE);
            if (service == null || !project.services().containsKey(service)) {
                remove(c.getId(), true, Duration.ofSeconds(10));
                listener.step("orphan container " + nameOf(c) + " removed");
            }
        }
    }

    /** Keeps an up-to-date container, else (re)creates it; returns the container id. */
    private String converge(ComposeProject project, ServiceSpec service, String imageId, UpOptions options,
            UpListener listener) {
        String name = ContainerSpecs.containerName(project, service.name());
        List<Bind> keptAnonymous = List.of();
        Optional<InspectContainerResponse> existing = inspect(name);
        if (existing.isPresent()) {
            InspectContainerResponse old = existing.get();
            Map<String, String> labels = old.getConfig().getLabels();
            boolean same = service.configHash().equals(labels.get(ComposeLabels.CONFIG_HASH))
                    && (imageId == null || imageId.equals(labels.get(ComposeLabels.IMAGE)));
            if (same && !options.forceRecreate() && !options.renewAnonVolumes()) {
                listener.step("container " + name + " up to date");
                return old.getId();
            }
            if (!options.renewAnonVolumes()) {
                keptAnonymous = anonymousVolumesOf(old, service);
            }
            remove(old.getId(), options.renewAnonVolumes(), Duration.ofSeconds(10));
            listener.step("container " + name + " removed for recreation");
        }
        String id = create(project, service, name, imageId, keptAnonymous);
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
            List<Bind> keptAnonymous) {
        List<String> networkKeys = CreateRequest.networkKeys(service);
        CreateContainerCmd cmd = CreateRequest.fill(docker.createContainerCmd(service.image()), project, service, imageId,
                keptAnonymous);
        String id = cmd.exec().getId();
        for (String key : networkKeys.subList(1, networkKeys.size())) {
            docker.connectToNetworkCmd().withContainerId(id).withNetworkId(ContainerSpecs.networkName(project, key))
                    .withContainerNetwork(new com.github.dockerjava.api.model.ContainerNetwork()
                            .withAliases(service.name(), name))
                    .exec();
        }
        configs.deliver(project, service, id);
        return id;
    }

    private void start(String id, String name, UpListener listener) {
        try {
            docker.startContainerCmd(id).exec();
            listener.step("container " + name + " started");
        } catch (NotModifiedException alreadyRunning) {
            listener.step("container " + name + " running");
        } catch (DockerException e) {
            throw new EnvironmentException("container " + name + " could not start: " + firstLine(e.getMessage()),
                    e.getMessage() != null && e.getMessage().contains("port is already allocated")
                            ? "another container took the port after the pre-flight check; stop it and rerun"
                            : "see `peaktrade-obs debug logs` and the engine's message above", e);
        }
    }

    private void awaitDependencies(ComposeProject project, ServiceSpec service, Duration budget, UpListener listener) {
        for (var dep : service.dependsOn().entrySet()) {
            String condition = dep.getValue().condition();
            if (DependsOn.STARTED.equals(condition) || !project.services().containsKey(dep.getKey())) {
                continue;
            }
            String depName = ContainerSpecs.containerName(project, dep.getKey());
            listener.step("waiting for " + depName + " (" + condition + ") before starting " + service.name());
            var outcome = Poller.within(budget).until(() -> {
                var state = states.inspect(depName).orElse(null);
                if (state == null) {
                    return Optional.of("missing");
                }
                if (DependsOn.HEALTHY.equals(condition)) {
                    String health = state.health();
                    if ("healthy".equals(health) || "unhealthy".equals(health) || !state.running()) {
                        return Optional.of(state.running() ? health : "exited");
                    }
                    return Optional.empty();
                }
                return state.running() ? Optional.empty()
                        : Optional.of(state.exitCode() != null && state.exitCode() == 0 ? "completed" : "failed");
            });
            String result = outcome.value().orElse("timeout");
            boolean ok = DependsOn.HEALTHY.equals(condition) ? "healthy".equals(result) : "completed".equals(result);
            if (!ok) {
                throw failure(project, dep.getKey(), "dependency " + dep.getKey() + " of " + service.name()
                        + " did not reach " + condition + " (" + result + " after " + seconds(outcome.elapsed()) + ")");
            }
        }
    }

    /** Why `up` stops waiting: a service's problem, or (service null) every service is up. */
    private record Stall(String service, String problem) {
        static final Stall ALL_UP = new Stall(null, "");
    }

    /** Waits until every service runs (and is healthy where it has a healthcheck), or fails with logs. */
    private void awaitUp(ComposeProject project, Duration budget, UpListener listener) {
        var oneShots = new TreeSet<String>();
        project.services().values().forEach(s -> s.dependsOn().forEach((dep, d) -> {
            if (DependsOn.COMPLETED.equals(d.condition())) {
                oneShots.add(dep);
            }
        }));
        var outcome = Poller.within(budget).until(() -> {
            List<String> pending = new ArrayList<>();
            for (String service : project.services().keySet()) {
                String name = ContainerSpecs.containerName(project, service);
                var state = states.inspect(name).orElse(null);
                if (state == null) {
                    return Optional.of(new Stall(service, "container " + name + " disappeared"));
                }
                boolean running = state.running();
                boolean restarting = state.restarting();
                String health = state.health();
                Long exit = state.exitCode();
                if (oneShots.contains(service) && !running && exit != null && exit == 0) {
                    continue;
                }
                if (restarting || (!running && !"created".equals(state.status()))) {
                    return Optional.of(new Stall(service, "container " + name + " exited with code " + exit));
                }
                if ("unhealthy".equals(health)) {
                    return Optional.of(new Stall(service, "container " + name + " is unhealthy"));
                }
                if (!running || !(health.isEmpty() || "healthy".equals(health))) {
                    pending.add(service + (health.isEmpty() ? "" : " (" + health + ")"));
                } else if (health.isEmpty() && runningFor(state.startedAt()).compareTo(STABLE_RUNNING) < 0) {
                    pending.add(service + " (just started)");
                }
            }
            return pending.isEmpty() ? Optional.of(Stall.ALL_UP) : Optional.empty();
        });
        Stall stall = outcome.value().orElse(null);
        if (stall == null) {
            throw new UpFailedException("project " + project.name() + " not up after " + seconds(outcome.elapsed())
                    + ": " + describePending(project), "raise the wait timeout, or look at `peaktrade-obs debug logs SERVICE`");
        }
        if (stall.service() != null) {
            throw failure(project, stall.service(), stall.problem());
        }
        listener.step("all " + project.services().size() + " services up after " + seconds(outcome.elapsed()));
    }

    private String describePending(ComposeProject project) {
        List<String> parts = new ArrayList<>();
        for (ContainerStatus s : ps(project.name())) {
            if (!s.isUp()) {
                parts.add(s.service() + " " + s.state() + (s.health().isEmpty() ? "" : "/" + s.health()));
            }
        }
        return parts.isEmpty() ? "(all up at the end)" : String.join(", ", parts);
    }

    private UpFailedException failure(ComposeProject project, String service, String problem) {
        String name = ContainerSpecs.containerName(project, service);
        List<String> lines = states.inspect(name).map(c -> tail(c.id(), 20, null)).orElse(List.of());
        String logs = lines.isEmpty() ? "(no log output)" : String.join("\n  | ", lines);
        return new UpFailedException(problem + "; last log lines of " + name + ":\n  | " + logs,
                "fix the cause above, then rerun up; `peaktrade-obs debug logs " + service + "` shows more");
    }

    /** Stops and removes the project's containers, its networks, and with removeVolumes its named volumes. */
    public DownResult down(String project, boolean removeVolumes, Duration stopTimeout, UpListener listener) {
        // stopped in parallel: each container may take up to its stop timeout, and they are independent
        List<Container> found = projectContainers(project);
        found.parallelStream().forEach(c -> {
            remove(c.getId(), true, stopTimeout);
            listener.step("container " + nameOf(c) + " removed");
        });
        List<String> containers = found.stream().map(ComposeEngine::nameOf).toList();
        List<String> networks = new ArrayList<>();
        for (Network n : docker.listNetworksCmd().withFilter("label", List.of(ComposeLabels.projectFilter(project))).exec()) {
            try {
                docker.removeNetworkCmd(n.getId()).exec();
                networks.add(n.getName());
                listener.step("network " + n.getName() + " removed");
            } catch (NotFoundException gone) {
                // removed concurrently: done
            }
        }
        List<String> volumes = new ArrayList<>();
        if (removeVolumes) {
            var listed = docker.listVolumesCmd().withFilter("label", List.of(ComposeLabels.projectFilter(project))).exec();
            if (listed.getVolumes() != null) {
                for (var v : listed.getVolumes()) {
                    try {
                        docker.removeVolumeCmd(v.getName()).exec();
                        volumes.add(v.getName());
                        listener.step("volume " + v.getName() + " removed");
                    } catch (NotFoundException gone) {
                        // removed concurrently: done
                    }
                }
            }
        }
        return new DownResult(containers, networks, volumes);
    }

    /** The project's containers (one-offs excluded), sorted by service. */
    public List<ContainerStatus> ps(String project) {
        List<ContainerStatus> result = new ArrayList<>();
        for (Container c : projectContainers(project)) {
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
                    ports(c), uptime));
        }
        result.sort(Comparator.comparing(ContainerStatus::service));
        return result;
    }

    /** One listing of the project's containers, for several questions about ports and environment. */
    public ProjectContainers containers(String project) {
        return new ProjectContainers(projectContainers(project), states);
    }

    /** "HOST:PORT" published for a running service's container port, if any. */
    public Optional<String> published(String project, String service, int containerPort) {
        return containers(project).published(service, containerPort);
    }

    /** The environment a service's container was created with (KEY → VALUE). */
    public Map<String, String> environment(String project, String service) {
        return containers(project).environment(service);
    }

    /** The last lines of one service's log (stdout and stderr interleaved), as a snapshot. */
    public List<String> logs(String project, String service, Integer tail, Instant since) {
        List<Container> matches = projectContainers(project).stream()
                .filter(c -> service.equals(c.getLabels().get(ComposeLabels.SERVICE))).toList();
        if (matches.isEmpty()) {
            var known = new TreeSet<String>();
            projectContainers(project).forEach(c -> known.add(c.getLabels().getOrDefault(ComposeLabels.SERVICE, "?")));
            throw new ConfigException("no service '" + service + "' in project " + project
                    + (known.isEmpty() ? " (the project has no containers)" : "; services: " + String.join(", ", known)),
                    known.isEmpty() ? "start the stack first" : "pick one of: " + String.join(", ", known));
        }
        return tail(matches.get(0).getId(), tail, since);
    }

    private List<String> tail(String containerId, Integer lines, Instant since) {
        StringBuilder out = new StringBuilder();
        var cmd = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true);
        if (lines != null) {
            cmd.withTail(lines);
        }
        if (since != null) {
            cmd.withSince((int) since.getEpochSecond());
        }
        try {
            cmd.exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (NotFoundException gone) {
            return List.of();
        }
        String text = out.toString();
        if (text.isEmpty()) {
            return List.of();
        }
        return List.of(text.split("\r?\n"));
    }

    private List<Container> projectContainers(String project) {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(ComposeLabels.projectFilter(project))).exec().stream()
                // the engine's filter is exact, but re-check: never act on a container without our label
                .filter(c -> c.getLabels() != null && project.equals(c.getLabels().get(ComposeLabels.PROJECT)))
                .toList();
    }

    /** Stop (bounded) and remove; "not found" means already done. */
    private void remove(String id, boolean removeAnonymousVolumes, Duration stopTimeout) {
        try {
            docker.stopContainerCmd(id).withTimeout((int) Math.max(0, stopTimeout.toSeconds())).exec();
        } catch (NotFoundException | NotModifiedException alreadyStopped) {
            // nothing to stop
        }
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(removeAnonymousVolumes).exec();
        } catch (NotFoundException gone) {
            // already removed
        }
    }

    private Optional<InspectContainerResponse> inspect(String nameOrId) {
        try {
            return Optional.of(docker.inspectContainerCmd(nameOrId).exec());
        } catch (NotFoundException missing) {
            return Optional.empty();
        }
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
        return names != null && names.length > 0 ? names[0].replaceFirst("^/", "") : c.getId().substring(0, 12);
    }

    private static Duration since(String startedAt) {
        try {
            return Duration.between(OffsetDateTime.parse(startedAt).toInstant(), Instant.now());
        } catch (RuntimeException unparsable) {
            return null;
        }
    }

    private static Duration runningFor(String startedAt) {
        Duration d = since(startedAt);
        return d == null ? Duration.ZERO : d;
    }

    private static Integer toInt(Long value) {
        return value == null ? null : value.intValue();
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text.strip() : text.substring(0, nl).strip();
    }
}
