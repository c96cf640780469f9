package com.peaktrade.obs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.peaktrade.obs.error.EnvironmentException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Looks into a project's containers for the troubleshooting commands: inspect (mounts, command
 * line), exec (a bounded command inside a running container) and restart. docker-java types stay
 * in here; callers get records. Every lookup filters on the project label.
 */
public final class ContainerInspector {
    /** Output of one exec is capped here; the troubleshooting commands only need the first lines. */
    static final int MAX_OUTPUT_CHARS = 64 * 1024;

    private final EngineCalls calls;

    public ContainerInspector(DockerEngine engine) {
        this.calls = engine.calls();
    }

    public ContainerInspector(DockerClient docker) {
        this(EngineCalls.of(docker));
    }

    ContainerInspector(EngineCalls calls) {
        this.calls = calls;
    }

    /** The project's containers (one-offs excluded) with their mounts and command line, sorted by service. */
    public List<ContainerDetails> containers(String project) {
        List<ContainerDetails> result = new ArrayList<>();
        for (Container c : projectContainers(project)) {
            if ("True".equals(c.getLabels().get(ComposeLabels.ONEOFF))) {
                continue;
            }
            inspect(c.getId()).ifPresent(i -> result.add(details(c.getLabels().getOrDefault(ComposeLabels.SERVICE, "?"),
                    ProjectQuery.nameOf(c), c.getImage(), i)));
        }
        result.sort(Comparator.comparing(ContainerDetails::service).thenComparing(ContainerDetails::name));
        return result;
    }

    /** The container of one service of the project, if it exists (running or not). */
    public Optional<ContainerDetails> service(String project, String service) {
        return containers(project).stream().filter(c -> c.service().equals(service)).findFirst();
    }

    /**
     * Runs {@code command} inside a running container (no shell, no TTY) and waits at most
     * {@code timeout}. A command the image lacks or a stopped container is an answer, not an
     * exception: a non-zero (or null) exit code with the engine's message in stderr.
     */
    public ExecResult exec(String containerId, List<String> command, Duration timeout) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        var created = calls.ask("create an exec in container " + containerId, docker -> docker.execCreateCmd(containerId)
                .withAttachStdout(true).withAttachStderr(true).withCmd(command.toArray(String[]::new)).exec().getId());
        if (created.answer() == EngineCalls.Answer.NOT_FOUND) {
            return new ExecResult(null, "", "container " + containerId + " not found", false);
        }
        if (!created.done()) {
            // a stopped or paused container: the engine's answer is the result
            return new ExecResult(null, "", firstLine(created.said()), false);
        }
        String execId = created.value();
        boolean finished;
        try {
            finished = calls.get("run " + String.join(" ", command) + " in container " + containerId, docker -> {
                var callback = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        StringBuilder target = frame.getStreamType() == StreamType.STDERR ? err : out;
                        synchronized (target) {
                            if (target.length() < MAX_OUTPUT_CHARS) {
                                target.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                });
                try {
                    boolean done = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    if (!done) {
                        callback.close();
                    }
                    return done;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (java.io.IOException closing) {
                    return false;
                }
            });
        } catch (EnvironmentException e) {
            if (e.getCause() instanceof DockerException refused) {
                // the engine could not run the command (no such executable in the image): an answer
                return new ExecResult(127, text(out), firstLine(EngineCalls.engineMessage(refused)), false);
            }
            throw e;
        }
        if (Thread.currentThread().isInterrupted()) {
            return new ExecResult(null, text(out), "interrupted", true);
        }
        if (!finished) {
            return new ExecResult(null, text(out), text(err), true);
        }
        Long exit = calls.find("inspect exec " + execId, docker -> docker.inspectExecCmd(execId).exec().getExitCodeLong())
                .orElse(null);
        return new ExecResult(exit == null ? null : exit.intValue(), text(out), text(err), false);
    }

    /** Restarts a container (stop within {@code stopTimeout}, then start). */
    public void restart(String containerId, Duration stopTimeout) {
        var restarted = calls.change("restart container " + containerId,
                docker -> docker.restartContainerCmd(containerId).withTimeout((int) Math.max(1, stopTimeout.toSeconds())).exec());
        if (restarted.answer() == EngineCalls.Answer.NOT_FOUND) {
            throw new EnvironmentException("container " + containerId + " disappeared before it could be restarted",
                    "start the stack again with `peaktrade-obs shadow up` (or grafana up)", restarted.refusal());
        }
        if (!restarted.done()) {
            throw new EnvironmentException("the engine could not restart container " + containerId + ": "
                    + firstLine(restarted.said()), "see `peaktrade-obs debug logs prometheus-local`", restarted.refusal());
        }
    }

    /** The current details of one container by id or name. */
    public Optional<ContainerDetails> refresh(ContainerDetails container) {
        return inspect(container.id()).map(i -> details(container.service(), container.name(), container.image(), i));
    }

    private static ContainerDetails details(String service, String name, String image, InspectContainerResponse i) {
        var state = i.getState();
        boolean running = state != null && Boolean.TRUE.equals(state.getRunning());
        List<ContainerMount> mounts = new ArrayList<>();
        if (i.getMounts() != null) {
            for (var m : i.getMounts()) {
                String type = m.getRawValues() != null && m.getRawValues().get("Type") != null
                        ? String.valueOf(m.getRawValues().get("Type")) : (m.getName() != null ? "volume" : "bind");
                String source = "volume".equals(type) && m.getName() != null ? m.getName() : m.getSource();
                mounts.add(new ContainerMount(type, source == null ? "" : source,
                        m.getDestination() == null ? "" : m.getDestination().getPath(), !Boolean.TRUE.equals(m.getRW())));
            }
        }
        var config = i.getConfig();
        if (config != null && config.getLabels() != null) {
            for (FileCopies.Copy copy : FileCopies.fromLabel(config.getLabels().get(FileCopies.LABEL))) {
                mounts.add(new ContainerMount(ContainerMount.COPY, copy.source().toString(), copy.target(), true));
            }
        }
        mounts.sort(Comparator.comparing(ContainerMount::target));
        List<String> entrypoint = config == null || config.getEntrypoint() == null ? List.of() : Arrays.asList(config.getEntrypoint());
        List<String> command = i.getArgs() == null ? List.of() : Arrays.asList(i.getArgs());
        return new ContainerDetails(service, name, i.getId(), image, running, state == null ? "unknown" : state.getStatus(),
                List.copyOf(entrypoint), List.copyOf(command), startedAt(state == null ? null : state.getStartedAt()),
                List.copyOf(mounts));
    }

    private List<Container> projectContainers(String project) {
        return new ProjectQuery(calls).containers(project);
    }

    private Optional<InspectContainerResponse> inspect(String id) {
        return calls.find("inspect container " + id, docker -> docker.inspectContainerCmd(id).exec());
    }

    private static Instant startedAt(String text) {
        if (text == null || text.isEmpty() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException unparsable) {
            return null;
        }
    }

    private static String text(StringBuilder b) {
        synchronized (b) {
            return b.toString();
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
