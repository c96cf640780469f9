package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.StackDefinition;
import java.util.Optional;

/** The stacks of the embedded contract (shadow, grafana): what verify with URLs falls back to. */
final class BuiltInStacks {
    private BuiltInStacks() {
    }

    /** Loaded on first use only (the JVM's lazy holder): most commands never need it. */
    private static final class Embedded {
        static final Contract CONTRACT = ContractCommand.loader().loadEmbedded("the built-in stacks");
    }

    static Contract embedded() {
        return Embedded.CONTRACT;
    }

    static Optional<StackDefinition> definition(String name) {
        return embedded().stack(name);
    }
}
