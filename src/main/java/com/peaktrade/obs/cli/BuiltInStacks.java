package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.StackDefinition;
import java.util.Optional;

/** The stacks of the embedded contract (shadow, grafana): what verify with URLs falls back to. */
final class BuiltInStacks {
    private static Contract embedded;

    private BuiltInStacks() {
    }

    static synchronized Contract embedded() {
        if (embedded == null) {
            embedded = ContractCommand.loader().loadEmbedded("the built-in stacks");
        }
        return embedded;
    }

    static Optional<StackDefinition> definition(String name) {
        return embedded().stack(name);
    }
}
