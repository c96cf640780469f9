package com.peaktrade.obs.docker;

import com.github.dockerjava.api.DockerClient;
import com.peaktrade.obs.compose.ComposeProject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our compose engine on docker-java: up, down, ps, logs for one project. Everything it creates
 * carries the compose labels; everything it lists or removes is selected by the project label.
 * The work is done by {@link ComposeUp}, {@link Readiness}, {@link ComposeDown} and
 * {@link ProjectQuery}, all calling the engine through one {@link EngineCalls}.
 */
public final class ComposeEngine {
    private final EngineCalls calls;
    private final ProjectQuery query;
    private final boolean engineSeesOurFiles;
    private final PortReach ports;

    public ComposeEngine(DockerEngine engine) {
        this(engine.calls(), engine.endpoint().local(), engine.ports());
    }

    /** A client made elsewhere (tests) reaches an engine on this machine. */
    public ComposeEngine(DockerClient docker) {
        this(EngineCalls.of(docker), true, PortReach.here());
    }

    private ComposeEngine(EngineCalls calls, boolean engineSeesOurFiles, PortReach ports) {
        this.calls = calls;
        this.query = new ProjectQuery(calls);
        this.engineSeesOurFiles = engineSeesOurFiles;
        this.ports = ports;
    }

    /**
     * What {@code up} builds before it sends anything, built and sent nowhere: the pre-flight's
     * checks that need no engine, and each service's create request written as docker-java would
     * write it. For the start-up archives' training run (cli/StartupTraining), which must not change
     * the engine: the archive then holds the classes {@code up} loads on its way to the first
     * container start.
     */
    public static void rehearseUp(ComposeProject project) {
        Preflight.checkBindSources(project);
        Preflight.checkCreateRequests(project);
        project.services().values().forEach(service -> CreateRequest.writeWithoutSending(project, service));
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
     * healthcheck). On an engine on another machine the stack's files are copied into the containers
     * instead of bind-mounted ({@link FileCopies}).
     */
    public List<ContainerStatus> up(ComposeProject project, UpOptions options, UpListener listener) {
        return new ComposeUp(calls, query, !engineSeesOurFiles).up(project, options, listener);
    }

    /** Stops and removes the project's containers, its networks, and with removeVolumes its named volumes. */
    public DownResult down(String project, boolean removeVolumes, Duration stopTimeout, UpListener listener) {
        return new ComposeDown(calls, query).down(project, removeVolumes, stopTimeout, listener);
    }

    /** The project's containers (one-offs excluded), sorted by service. */
    public List<ContainerStatus> ps(String project) {
        return query.ps(project);
    }

    /**
     * One listing of the project's containers, for several questions about ports and environment;
     * its ports are where this machine reaches them (through a tunnel for an ssh engine).
     */
    public ProjectContainers containers(String project) {
        return new ProjectContainers(query.containers(project), query.states(), ports);
    }

    /** "HOST:PORT" where this machine reaches a running service's published container port, if any. */
    public Optional<String> published(String project, String service, int containerPort) {
        return containers(project).published(service, containerPort);
    }

    /** The environment a service's container was created with (KEY → VALUE). */
    public Map<String, String> environment(String project, String service) {
        return containers(project).environment(service);
    }

    /**
     * For a container whose healthcheck the engine never runs ({@link ContainerStatus#healthcheckNotRun()}):
     * whether its healthcheck test, run by us inside the container, passes now.
     */
    public boolean healthcheckPassesWhenRunHere(ContainerStatus container) {
        return query.states().inspect(container.id()).filter(c -> c.healthcheck() != null)
                .map(c -> c.healthcheck().passes(new ContainerInspector(calls), c.id())).orElse(false);
    }

    /** The last lines of one service's log (stdout and stderr interleaved), as a snapshot. */
    public List<String> logs(String project, String service, Integer tail, Instant since) {
        return query.logs(project, service, tail, since);
    }
}
