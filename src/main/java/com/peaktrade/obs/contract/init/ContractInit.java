package com.peaktrade.obs.contract.init;

import com.peaktrade.obs.error.ConfigException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code contract init}: a contract drafted from what exists — a tree of assets, a running stack,
 * or both — as YAML text with a header that says a human must review it.
 */
public final class ContractInit {
    /**
     * @param assets      --from-assets DIR, if given
     * @param running     the running stack's endpoints, if --from-running
     * @param contractDir the directory the contract will be written to: paths in it are relative to that
     */
    public record Request(Optional<Path> assets, Optional<RunningStack> running, Path contractDir) {
    }

    private ContractInit() {
    }

    public static String draft(Request request) {
        if (request.assets().isEmpty() && request.running().isEmpty()) {
            throw new ConfigException("contract init needs something to read: --from-assets DIR and/or --from-running",
                    "e.g. peaktrade-obs contract init --from-assets . -o peaktrade-obs.yaml");
        }
        Draft draft = new Draft();
        request.assets().ifPresent(dir -> AssetScan.scan(dir, request.contractDir(), draft));
        request.running().ifPresent(stack -> RunningScan.scan(stack, draft));
        if (request.running().flatMap(RunningStack::prometheus).isEmpty()) {
            GoldenQueries.forJobs(draft);
        }
        if (draft.isEmpty()) {
            throw new ConfigException("contract init found nothing to write: no compose file, scrape config, Grafana "
                    + "provisioning, dashboard, target or datasource", "point --from-assets at the directory that holds them");
        }
        return DraftWriter.write(draft);
    }
}
