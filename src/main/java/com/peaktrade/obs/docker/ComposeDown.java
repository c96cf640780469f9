package com.peaktrade.obs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import com.peaktrade.obs.docker.EngineCalls.Answer;
import com.peaktrade.obs.error.EnvironmentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes a project down, strictly by its label: containers (stopped in parallel), then networks,
 * then with -v named volumes. Idempotent: what is already gone counts as removed. What the engine
 * refuses to remove because something outside the project still uses it is reported once, after
 * everything else was removed.
 */
final class ComposeDown {
    private final EngineCalls calls;
    private final ProjectQuery query;

    ComposeDown(EngineCalls calls, ProjectQuery query) {
        this.calls = calls;
        this.query = query;
    }

    ComposeEngine.DownResult down(String project, boolean removeVolumes, Duration stopTimeout, UpListener listener) {
        // stopped in parallel: each container may take up to its stop timeout, and they are independent
        List<Container> found = query.containers(project);
        found.parallelStream().forEach(c -> {
            remove(c.getId(), ProjectQuery.nameOf(c), true, stopTimeout);
            listener.step("container " + ProjectQuery.nameOf(c) + " removed");
        });
        List<String> containers = found.stream().map(ProjectQuery::nameOf).toList();
        List<String> inUse = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        List<Network> listed = calls.get("list the networks of project " + project,
                docker -> docker.listNetworksCmd().withFilter("label", List.of(ComposeLabels.projectFilter(project))).exec());
        for (Network n : listed) {
            if (removed("network " + n.getName(), docker -> docker.removeNetworkCmd(n.getId()).exec(), inUse, listener)) {
                networks.add(n.getName());
            }
        }
        List<String> volumes = new ArrayList<>();
        if (removeVolumes) {
            var listedVolumes = calls.get("list the volumes of project " + project,
                    docker -> docker.listVolumesCmd().withFilter("label", List.of(ComposeLabels.projectFilter(project))).exec());
            if (listedVolumes.getVolumes() != null) {
                for (var v : listedVolumes.getVolumes()) {
                    if (removed("volume " + v.getName(), docker -> docker.removeVolumeCmd(v.getName()).exec(), inUse, listener)) {
                        volumes.add(v.getName());
                    }
                }
            }
        }
        if (!inUse.isEmpty()) {
            throw new EnvironmentException("project " + project + " is down except what " + calls.engine()
                    + " refused to remove as still in use: " + String.join("; ", inUse),
                    "a container outside the project uses it: `docker network inspect NAME` (or `docker ps -a "
                            + "--filter volume=NAME`) shows which; disconnect or remove that container, then rerun down");
        }
        return new ComposeEngine.DownResult(containers, networks, volumes);
    }

    /** Removes a network or volume: gone already is not removed now; in use is noted in {@code inUse}. */
    private boolean removed(String resource, Consumer<DockerClient> removal, List<String> inUse, UpListener listener) {
        var change = calls.change("remove " + resource, removal);
        if (change.answer() == Answer.CONFLICT) {
            inUse.add(resource + " (" + change.said() + ")");
        } else if (change.done()) {
            listener.step(resource + " removed");
        }
        return change.done();
    }

    /** Stop (bounded) and remove; "not found" means already done, as does a removal already under way. */
    void remove(String id, String name, boolean removeAnonymousVolumes, Duration stopTimeout) {
        // not found, not modified (already stopped) and a conflict all leave the removal to do
        calls.change("stop container " + name,
                docker -> docker.stopContainerCmd(id).withTimeout((int) Math.max(0, stopTimeout.toSeconds())).exec());
        calls.change("remove container " + name,
                docker -> docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(removeAnonymousVolumes).exec());
    }
}
