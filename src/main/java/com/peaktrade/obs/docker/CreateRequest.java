package com.peaktrade.obs.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

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
        String name = ContainerSpecs.containerName(project, service.name());
        cmd.withName(name)
                .withLabels(ContainerSpecs.labels(project, service, imageId))
                .withEnv(ContainerSpecs.env(service))
                .withExposedPorts(ContainerSpecs.exposedPorts(service))
                .withVolumes(ContainerSpecs.anonymousVolumes(service))
                .withAliases(service.name(), name)
                .withHostConfig(hostConfig(project, service, keptAnonymous));
        if (service.command() != null) {
            cmd.withCmd(service.command());
        }
        if (service.entrypoint() != null) {
            cmd.withEntrypoint(service.entrypoint());
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

    /** The service's first network is the container's network mode; the others are connected after create. */
    static List<String> networkKeys(ServiceSpec service) {
        return service.networks().isEmpty() ? List.of("default") : service.networks();
    }

    private static HostConfig hostConfig(ComposeProject project, ServiceSpec service, List<Bind> keptAnonymous) {
        List<Bind> binds = new ArrayList<>(ContainerSpecs.binds(project, service));
        binds.addAll(ContainerSpecs.configFileBinds(project, service));
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
        List<Mount> mounts = ContainerSpecs.mounts(service);
        if (!mounts.isEmpty()) {
            host.withMounts(mounts);
        }
        return host;
    }
}
