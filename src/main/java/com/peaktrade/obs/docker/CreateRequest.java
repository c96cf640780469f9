package com.peaktrade.obs.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole create-container request for one service, assembled from {@link ContainerSpecs}'
 * pieces onto a docker-java command (not sent here), so tests can read what the engine would get.
 */
final class CreateRequest {
    private CreateRequest() {
    }

    /**
     * @param keptAnonymous anonymous volumes of the container being replaced, re-attached by name
     * @return cmd, filled in
     */
    static CreateContainerCmd fill(CreateContainerCmd cmd, ComposeProject project, ServiceSpec service, String imageId,
            List<Bind> keptAnonymous) {
        return fill(cmd, project, service, imageId, keptAnonymous, List.of());
    }

    /**
     * @param copies the service's files copied into the container instead of bind-mounted (an
     *               engine on another machine): their binds are left out, the config hash covers them
     */
    static CreateContainerCmd fill(CreateContainerCmd cmd, ComposeProject project, ServiceSpec service, String imageId,
            List<Bind> keptAnonymous, List<FileCopies.Copy> copies) {
        String name = ContainerSpecs.containerName(project, service.name());
        Map<String, String> labels = ContainerSpecs.labels(project, service, imageId);
        if (!copies.isEmpty()) {
            labels.put(ComposeLabels.CONFIG_HASH, FileCopies.configHash(service, copies));
            labels.put(FileCopies.LABEL, FileCopies.label(copies));
        }
        cmd.withName(name)
                .withLabels(labels)
                .withEnv(ContainerSpecs.env(service))
                .withExposedPorts(ContainerSpecs.exposedPorts(service))
                .withVolumes(ContainerSpecs.anonymousVolumes(service))
                .withAliases(service.name(), name)
                .withHostConfig(hostConfig(project, service, keptAnonymous, copies));
        if (service.command() != null) {
            cmd.withCmd(service.command());
        }
        if (service.entrypoint() != null) {
            cmd.withEntrypoint(service.entrypoint());
        }
        if (service.hostname() != null && !service.hostname().isBlank()) {
            cmd.withHostName(service.hostname());
        }
        if (service.user() != null && !service.user().isBlank()) {
            cmd.withUser(service.user());
        }
        if (service.healthcheck() != null) {
            cmd.withHealthcheck(ContainerSpecs.healthCheck(service.healthcheck()));
        }
        if (service.tty()) {
            cmd.withTty(true);
        }
        if (service.stdinOpen()) {
            cmd.withStdinOpen(true);
        }
        return cmd;
    }

    /**
     * Builds and writes one create request of the project and throws it away, on a daemon thread:
     * the first one in a JVM costs ~120 ms (docker-java's model classes, Jackson's serializers for
     * them), measured on the path to the first container start. {@code up} starts this before its
     * pre-flight and network calls, which mostly wait on the engine, so the real requests find it
     * done. Any failure is left to the real request to report.
     */
    static void warmUpAhead(ComposeProject project) {
        Thread warmUp = new Thread(() -> {
            try {
                writeWithoutSending(project, project.services().values().iterator().next());
            } catch (RuntimeException ignored) {
                // the real request meets it again and reports it
            }
        }, "create-request-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** The service's create request, completed by docker-java's exec() as up's is, written as docker-java would, and not sent. */
    static void writeWithoutSending(ComposeProject project, ServiceSpec service) {
        CreateContainerCmd.Exec written = request -> {
            DockerJavaJson.body(request);
            return null;
        };
        fill(new CreateContainerCmdImpl(written, null, service.image()), project, service, null, List.of()).exec();
    }

    /** The service's first network is the container's network mode; the others are connected after create. */
    static List<String> networkKeys(ServiceSpec service) {
        return service.networks().isEmpty() ? List.of("default") : service.networks();
    }

    private static HostConfig hostConfig(ComposeProject project, ServiceSpec service, List<Bind> keptAnonymous,
            List<FileCopies.Copy> copies) {
        Set<String> copied = copies.stream().map(FileCopies.Copy::target).collect(Collectors.toSet());
        List<Bind> binds = new ArrayList<>(ContainerSpecs.binds(project, service));
        binds.addAll(ContainerSpecs.configFileBinds(project, service));
        binds.removeIf(b -> copied.contains(b.getVolume().getPath()));
        binds.addAll(keptAnonymous);
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(ContainerSpecs.portBindings(service))
                .withBinds(binds)
                .withExtraHosts(service.extraHosts().toArray(String[]::new))
                .withRestartPolicy(ContainerSpecs.restartPolicy(service))
                .withNetworkMode(ContainerSpecs.networkName(project, networkKeys(service).get(0)))
                .withInit(false);
        if (!service.capAdd().isEmpty()) {
            host.withCapAdd(ContainerSpecs.capabilities(service, service.capAdd(), "cap_add"));
        }
        if (!service.capDrop().isEmpty()) {
            host.withCapDrop(ContainerSpecs.capabilities(service, service.capDrop(), "cap_drop"));
        }
        if (!service.tmpfs().isEmpty()) {
            host.withTmpFs(ContainerSpecs.tmpfs(service));
        }
        List<Mount> mounts = new ArrayList<>(ContainerSpecs.mounts(service));
        mounts.removeIf(m -> copied.contains(m.getTarget()));
        if (!mounts.isEmpty()) {
            host.withMounts(mounts);
        }
        return host;
    }
}
