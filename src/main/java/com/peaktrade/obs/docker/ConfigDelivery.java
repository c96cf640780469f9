package com.peaktrade.obs.docker;

import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.ConfigMount;
import com.peaktrade.obs.compose.ConfigSpec;
import com.peaktrade.obs.compose.ServiceSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Puts a service's inline configs ({@code content:} or {@code environment:}) into its created
 * container before it starts, as docker compose v2 does (pkg/compose/secrets.go): one file per
 * config at its target, mode 0444 unless set, owned by uid/gid when given. File configs are
 * bind-mounted instead (see {@link ContainerSpecs#configFileBinds}), except on an engine on another
 * machine: there they and the binds of local files arrive the same way ({@link FileCopies}). The
 * tar comes from commons-compress, which docker-java itself uses for archives.
 */
final class ConfigDelivery {
    private final EngineCalls calls;

    ConfigDelivery(EngineCalls calls) {
        this.calls = calls;
    }

    void deliver(ComposeProject project, ServiceSpec service, String containerId, String containerName,
            List<FileCopies.Copy> copies) {
        for (FileCopies.Copy copy : copies) {
            byte[] tar = FileCopies.archive(copy);
            calls.run("copy " + copy.source() + " into container " + containerName + " at " + copy.target(),
                    docker -> docker.copyArchiveToContainerCmd(containerId).withRemotePath("/")
                            .withTarInputStream(new ByteArrayInputStream(tar)).exec());
        }
        for (ConfigMount config : service.configs()) {
            ConfigSpec spec = project.configs().get(config.source());
            if (spec == null || !spec.isCopied()) {
                continue;
            }
            calls.run("copy config " + config.source() + " into container " + containerName,
                    docker -> docker.copyArchiveToContainerCmd(containerId)
                            .withRemotePath("/")
                            .withTarInputStream(new ByteArrayInputStream(archive(config, spec.content())))
                            .withCopyUIDGID(config.uid() != null || config.gid() != null)
                            .exec());
        }
    }

    /** A tar with one file: the config's content at its path in the container (relative to /). */
    static byte[] archive(ConfigMount config, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry entry = new TarArchiveEntry(config.containerPath().substring(1));
            entry.setSize(bytes.length);
            entry.setMode(config.effectiveMode());
            entry.setModTime(new Date());
            if (config.uid() != null) {
                entry.setUserId(Long.parseLong(config.uid()));
            }
            if (config.gid() != null) {
                entry.setGroupId(Long.parseLong(config.gid()));
            }
            tar.putArchiveEntry(entry);
            tar.write(bytes);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
