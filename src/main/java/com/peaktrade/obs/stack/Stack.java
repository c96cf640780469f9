package com.peaktrade.obs.stack;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractLoader;
import com.peaktrade.obs.contract.ContractOrigin;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.contract.StackService;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The two built-in stacks by name, for the commands that still pick one without reading a contract
 * (the debug commands, `prometheus reload`). Only a name: what a stack is (project, compose
 * files, services) is the embedded contract's {@link StackDefinition}, which everything else takes.
 */
public enum Stack {
    SHADOW, GRAFANA;

    /** Read on first use only (the JVM's lazy holder). */
    private static final class Embedded {
        // the embedded contract has no lint section, so a loader that knows no lint rules reads it
        static final Contract CONTRACT = new ContractLoader(List.of()).loadEmbedded("the built-in stacks");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This stack as the embedded contract defines it. */
    public StackDefinition definition() {
        return Embedded.CONTRACT.stack(id()).orElseThrow(() -> new IllegalStateException("the embedded contract has no stack " + id()));
    }

    /** The embedded contract's origin: its compose paths resolve against the assets directory in use. */
    public ContractOrigin origin() {
        return Embedded.CONTRACT.origin();
    }

    public String defaultProject() {
        return definition().project();
    }

    /** File names of its compose files (under the assets' compose/ directory), in -f order. */
    public List<String> composeFiles() {
        return definition().compose().stream().map(f -> Path.of(f).getFileName().toString()).toList();
    }

    public boolean hasExporter() {
        return definition().service(StackService.Role.EXPORTER).isPresent();
    }

    public static Stack of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
