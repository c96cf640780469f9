package com.peaktrade.obs.stack;

import java.util.List;

/**
 * The built-in stacks' default compose project names as compile-time constants, for option help
 * text (annotations need constants). The embedded contract is where they are defined; a test
 * proves these equal it.
 */
public final class Stacks {
    public static final String SHADOW_PROJECT = "peaktrade-shadow-mvs";
    public static final String GRAFANA_PROJECT = "peaktrade-grafana-local";

    private Stacks() {
    }

    /** The embedded contract's projects of the built-in stacks. */
    public static List<String> defaultProjects() {
        return List.of(Stack.values()).stream().map(Stack::defaultProject).toList();
    }
}
