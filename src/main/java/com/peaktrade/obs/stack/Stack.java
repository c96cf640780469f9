package com.peaktrade.obs.stack;

import java.util.List;
import java.util.Locale;

/** Our two stacks (SPEC §2): default project name and which compose files make them up. */
public enum Stack {
    SHADOW("shadow", Stacks.SHADOW_PROJECT,
            List.of("prometheus-local.yaml", "grafana.yaml", "shadow-exporter.yaml")),
    GRAFANA("grafana", Stacks.GRAFANA_PROJECT,
            List.of("prometheus-local.yaml", "grafana.yaml"));

    private final String id;
    private final String defaultProject;
    private final List<String> composeFiles;

    Stack(String id, String defaultProject, List<String> composeFiles) {
        this.id = id;
        this.defaultProject = defaultProject;
        this.composeFiles = composeFiles;
    }

    public String id() {
        return id;
    }

    public String defaultProject() {
        return defaultProject;
    }

    /** File names under the assets' compose/ directory, in -f order. */
    public List<String> composeFiles() {
        return composeFiles;
    }

    public boolean hasExporter() {
        return this == SHADOW;
    }

    public static Stack of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
