package com.peaktrade.obs.lint;

import com.peaktrade.obs.contract.Contract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to lint. {@code assetsDir}: a directory in either layout (ours: compose/, prometheus/,
 * grafana/; or without compose/). Explicit {@code composeFiles}, {@code prometheusFiles},
 * {@code grafanaDir} lint just those parts. Neither: the assets {@code peaktrade-obs up} would use
 * (the checkout in {@code workingDir}, else the embedded copy). {@code referenceStack}: when the
 * inputs have no compose files, judge addresses and mounts against the default stack's.
 * {@code contract}: what the assets are judged against (exporters, datasources, dashboards, golden
 * queries) and the lint policy that applies.
 */
public record LintRequest(Path assetsDir, List<Path> composeFiles, List<Path> prometheusFiles, Path grafanaDir,
        Path workingDir, Map<String, String> environment, boolean referenceStack, Contract contract) {

    public LintRequest {
        composeFiles = List.copyOf(composeFiles);
        prometheusFiles = List.copyOf(prometheusFiles);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(contract, "contract");
    }

    public static LintRequest ofAssets(Path assetsDir, Path workingDir, Contract contract) {
        return new LintRequest(assetsDir, List.of(), List.of(), null, workingDir, Map.of(), true, contract);
    }

    boolean explicitParts() {
        return !composeFiles.isEmpty() || !prometheusFiles.isEmpty() || grafanaDir != null;
    }
}
