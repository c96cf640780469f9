package com.peaktrade.obs.stack;

import java.util.List;

/** Our two stacks' default compose project names (SPEC §2). */
public final class Stacks {
    public static final String SHADOW_PROJECT = "peaktrade-shadow-mvs";
    public static final String GRAFANA_PROJECT = "peaktrade-grafana-local";

    private Stacks() {
    }

    public static List<String> defaultProjects() {
        return List.of(SHADOW_PROJECT, GRAFANA_PROJECT);
    }
}
