package com.peaktrade.obs.stack;

import com.peaktrade.obs.compose.ComposeLoader;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.LoadRequest;
import com.peaktrade.obs.compose.LoadResult;
import com.peaktrade.obs.compose.PortSpec;
import com.peaktrade.obs.compose.ServiceSpec;
import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.ContainerStatus;
import com.peaktrade.obs.docker.UpListener;
import com.peaktrade.obs.contract.ContractOrigin;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contract's stacks on top of the compose engine: which files, which environment, which URLs. */
public final class StackRunner {
    private final ComposeEngine engine;

    public StackRunner(ComposeEngine engine) {
        this.engine = engine;
    }

    /** A stack resolved to a compose model (pure; no Docker). */
    public record LoadedStack(String stack, ComposeProject project, List<String> warnings, AssetLocator.Assets assets,
            StackSettings settings) {

        /** Service → URL a user opens on the host. */
        public Map<String, String> urls() {
            Map<String, String> urls = new LinkedHashMap<>();
            for (ServiceSpec s : project.services().values()) {
                for (PortSpec p : s.ports()) {
                    if (p.published() == null || p.published().isEmpty()) {
                        continue;
                    }
                    String host = p.hostIp() == null || p.hostIp().isEmpty() || p.hostIp().equals("0.0.0.0")
                            ? "127.0.0.1" : p.hostIp();
                    if (host.contains(":")) {
                        host = "[" + host + "]";
                    }
                    String path = s.name().equals("shadow-mvs-exporter") ? "/metrics" : "";
                    urls.put(s.name(), "http://" + host + ":" + p.published() + path);
                }
            }
            return urls;
        }
    }

    /** A built-in stack, as the embedded contract defines it (for the commands that pick one by name). */
    public static LoadedStack load(Stack stack, String projectName, AssetLocator.Assets assets, StackSettings settings) {
        return load(stack.definition(), stack.origin(), projectName, assets, settings);
    }

    /**
     * A stack of the contract: its compose files relative to the contract file (the embedded
     * contract's: to the assets directory). A file that is missing is exit 2, naming every one.
     */
    public static LoadedStack load(StackDefinition stack, ContractOrigin origin, String projectName, AssetLocator.Assets assets,
            StackSettings settings) {
        List<Path> files = stack.compose().stream().map(f -> origin.resolve(f, assets.dir())).toList();
        List<Path> missing = files.stream().filter(f -> !Files.isRegularFile(f)).toList();
        if (!missing.isEmpty()) {
            throw new ConfigException("stack " + stack.name() + " of contract " + origin.file() + " (" + stack.where()
                    + ") names compose files that do not exist: " + String.join(", ", missing.stream().map(Path::toString).toList()),
                    "fix the stack's compose: list in the contract, or point --assets-dir at the directory that has them");
        }
        return load(stack.name(), files, projectName == null || projectName.isBlank() ? stack.project() : projectName,
                assets, settings);
    }

    private static LoadedStack load(String name, List<Path> files, String project, AssetLocator.Assets assets,
            StackSettings settings) {
        LoadResult result = new ComposeLoader().load(new LoadRequest(files, project, settings.environment(), null));
        return new LoadedStack(name, result.project(), result.warnings(), assets, settings);
    }

    /**
     * `up` as the old scripts did it: recreate, renew anonymous volumes (a fresh Grafana database,
     * so a changed admin password always takes), remove orphans, then wait until running/healthy.
     */
    public List<ContainerStatus> up(LoadedStack stack, Duration waitTimeout, UpListener listener) {
        return engine.up(stack.project(), new ComposeEngine.UpOptions(true, true, true, waitTimeout), listener);
    }

    public ComposeEngine.DownResult down(String project, boolean removeVolumes, UpListener listener) {
        return engine.down(project, removeVolumes, Duration.ofSeconds(10), listener);
    }

    public List<ContainerStatus> status(String project) {
        return engine.ps(project);
    }
}
