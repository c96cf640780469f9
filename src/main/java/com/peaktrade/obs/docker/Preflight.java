package com.peaktrade.obs.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.ConfigMount;
import com.peaktrade.obs.compose.ConfigSpec;
import com.peaktrade.obs.compose.PortSpec;
import com.peaktrade.obs.compose.ServiceSpec;
import com.peaktrade.obs.compose.VolumeSpec;
import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.EnvironmentException;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything `up` checks before it creates a container, so a refusal leaves the machine as it was:
 * bind sources exist, the engine would accept each create request (names, capabilities, configs),
 * host ports are free, names are not held by foreign containers or networks. The local checks run
 * first; the project's network is created while the engine-side ones run, and ComposeUp removes
 * it again when they refuse.
 */
final class Preflight {
    /** The engine's rule for container names. */
    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    private final ProjectQuery query;

    Preflight(ProjectQuery query) {
        this.query = query;
    }

    /** What needs no engine: bind sources exist, the engine would accept each create request. */
    static void checkLocally(ComposeProject project) {
        checkBindSources(project);
        checkCreateRequests(project);
    }

    /** What the engine has: names and host ports. It is asked twice, whatever the project's size: one container listing, one network lookup. */
    void checkOnEngine(ComposeProject project) {
        List<JsonNode> containers = query.allContainers();
        checkForeignNames(project, containers);
        checkPorts(project, containers.stream().filter(c -> "running".equals(c.path("State").asText())).toList());
    }

    /**
     * Docker would create a missing bind source as an empty root-owned directory: Grafana then
     * silently has no dashboards. A bind with {@code bind.create_host_path: false} (and a config
     * file) goes through Docker's Mount API, which refuses it too; we refuse all of them up front.
     */
    static void checkBindSources(ComposeProject project) {
        List<String> missing = new ArrayList<>();
        boolean mountApi = false;
        for (ServiceSpec s : project.services().values()) {
            for (VolumeSpec v : s.volumes()) {
                if (v.isBind() && !Files.exists(Path.of(v.source()))) {
                    missing.add(v.source() + " (service " + s.name() + ", target " + v.target()
                            + (v.requiresMountApi() ? ", bind.create_host_path: false" : "") + ")");
                    mountApi |= v.requiresMountApi();
                }
            }
            for (ConfigMount c : s.configs()) {
                ConfigSpec config = project.configs().get(c.source());
                if (config != null && !config.isCopied() && !Files.exists(config.file())) {
                    missing.add(config.file() + " (service " + s.name() + ", config " + c.source() + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("bind mount source does not exist: " + String.join("; ", missing),
                    "create it or fix the path in " + project.configFiles()
                            + " (relative paths resolve against " + project.workingDir() + "); "
                            + (mountApi ? "with create_host_path: false Docker refuses it as well (invalid mount config for "
                                    + "type \"bind\": bind source path does not exist)"
                                    : "Docker would otherwise create an empty root-owned directory there"));
        }
    }

    /** What the engine would refuse in a create request, or docker compose before it: refused by name, before anything exists. */
    static void checkCreateRequests(ComposeProject project) {
        for (ServiceSpec s : project.services().values()) {
            String name = ContainerSpecs.containerName(project, s.name());
            if (!CONTAINER_NAME.matcher(name).matches()) {
                throw new ConfigException("service " + s.name() + ": invalid container name \"" + name
                        + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", "fix container_name in " + project.configFiles());
            }
            ContainerSpecs.capabilities(s, s.capAdd(), "cap_add");
            ContainerSpecs.capabilities(s, s.capDrop(), "cap_drop");
            for (ConfigMount c : s.configs()) {
                ConfigSpec config = project.configs().get(c.source());
                if (config != null && config.isCopied() && config.content() == null) {
                    throw new ConfigException("environment variable \"" + config.environment() + "\" required by config \""
                            + config.name() + "\" is not set", "set it in the shell or in .env");
                }
                for (String id : Arrays.asList(c.uid(), c.gid())) {
                    if (id != null && !id.matches("\\d{1,9}")) {
                        throw new ConfigException("service " + s.name() + ": config " + c.source() + ": uid/gid \"" + id
                                + "\" must be a number", "docker compose takes numeric ids only");
                    }
                }
            }
        }
    }

    private void checkForeignNames(ComposeProject project, List<JsonNode> containers) {
        for (ServiceSpec s : project.services().values()) {
            String name = ContainerSpecs.containerName(project, s.name());
            for (JsonNode c : containers) {
                if (!hasName(c, name)) {
                    continue;
                }
                String owner = ProjectQuery.labelOf(c, ComposeLabels.PROJECT);
                if (!project.name().equals(owner)) {
                    throw new ConfigException("container name " + name + " is taken by a container that is not part of project "
                            + project.name() + (owner == null ? " (it has no compose project label)" : " (it belongs to project " + owner + ")"),
                            "remove or rename that container yourself, or choose another project name with -p; "
                                    + "peaktrade-obs never touches containers it did not create");
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (String key : networkKeys(project)) {
            var external = project.networks().get(key);
            if (external == null || !external.external()) {
                names.add(ContainerSpecs.networkName(project, key));
            }
        }
        for (JsonNode n : query.networksNamed(names)) {
            String owner = n.path("Labels").path(ComposeLabels.PROJECT).textValue();
            if (!project.name().equals(owner)) {
                String name = n.path("Name").asText();
                throw new ConfigException("network " + name + " exists but is not part of project " + project.name()
                        + (owner == null ? " (no compose project label)" : " (it belongs to project " + owner + ")"),
                        "remove that network yourself (docker network rm " + name + ") or choose another project name with -p");
            }
        }
    }

    static List<String> networkKeys(ComposeProject project) {
        List<String> keys = new ArrayList<>();
        for (ServiceSpec s : project.services().values()) {
            for (String key : s.networks()) {
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    private void checkPorts(ComposeProject project, List<JsonNode> running) {
        List<JsonNode> others = running.stream()
                .filter(c -> !project.name().equals(ProjectQuery.labelOf(c, ComposeLabels.PROJECT))).toList();
        List<JsonNode> ours = running.stream()
                .filter(c -> project.name().equals(ProjectQuery.labelOf(c, ComposeLabels.PROJECT))).toList();
        for (ServiceSpec s : project.services().values()) {
            for (PortSpec p : s.ports()) {
                if (p.published() == null || p.published().isEmpty()) {
                    continue;
                }
                String ip = p.hostIp() == null || p.hostIp().isEmpty() ? "0.0.0.0" : p.hostIp();
                String protocol = p.protocol() == null ? "tcp" : p.protocol();
                // a host range for one container port ("9000-9001") lets the engine pick a free one
                if (!p.published().matches("\\d+")) {
                    continue;
                }
                int port = Integer.parseInt(p.published());
                String where = ip + ":" + port + "/" + protocol;
                for (JsonNode c : others) {
                    if (publishes(c, ip, port, protocol)) {
                        String owner = ProjectQuery.labelOf(c, ComposeLabels.PROJECT);
                        throw new EnvironmentException("host port " + where + " for service " + s.name()
                                + " is taken by container " + ProjectQuery.nameOf(c) + (owner == null ? "" : " (project " + owner + ")"),
                                "stop that container, or publish another port (e.g. the PEAKTRADE_OBS_*_PORT variables)");
                    }
                }
                boolean heldByUs = ours.stream().anyMatch(c -> publishes(c, ip, port, protocol));
                if (!heldByUs && !canBind(ip, port, protocol)) {
                    throw new EnvironmentException("host port " + where + " for service " + s.name()
                            + " is taken by another process (not a container)",
                            "stop what listens there (e.g. `ss -ltnp 'sport = :" + port + "'`), or publish another port");
                }
            }
        }
    }

    private static boolean hasName(JsonNode listed, String name) {
        for (JsonNode n : listed.path("Names")) {
            if (n.asText().equals("/" + name)) {
                return true;
            }
        }
        return false;
    }

    /** The listing's Ports: {IP, PrivatePort, PublicPort, Type}, PublicPort only where published. */
    private static boolean publishes(JsonNode listed, String ip, int port, String protocol) {
        for (JsonNode cp : listed.path("Ports")) {
            if (cp.path("PublicPort").asInt(-1) != port || !protocol.equals(cp.path("Type").asText("tcp"))) {
                continue;
            }
            String theirs = cp.path("IP").asText("");
            theirs = theirs.isEmpty() ? "0.0.0.0" : theirs;
            if (isWildcard(theirs) || isWildcard(ip) || theirs.equals(ip)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWildcard(String ip) {
        return ip.equals("0.0.0.0") || ip.equals("::");
    }

    /** Whether this process could listen there now; on Linux the engine's proxy would need the same. */
    static boolean canBind(String ip, int port, String protocol) {
        try {
            InetAddress address = InetAddress.getByName(ip);
            if ("udp".equals(protocol)) {
                try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(address, port))) {
                    return true;
                }
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(address, port));
                return true;
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
