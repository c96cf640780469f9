package com.peaktrade.obs.contract;

import com.peaktrade.obs.error.ConfigException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which stack definition a stack command works with. The contract's own, else (verify in URL mode)
 * the built-in stack of that name when the contract defines no stacks at all: then only its
 * grafana, prometheus and exporters sections matter, checked against the URLs given.
 */
public final class StackChoice {
    private StackChoice() {
    }

    /**
     * The stack {@code name} of {@code contract}; for a contract without stacks, {@code builtIn}'s
     * services (read only then: it is the embedded contract's) with every contract area expected, when {@code urlMode}. Else exit 2 naming what is there.
     */
    public static StackDefinition of(Contract contract, String name, Supplier<Optional<StackDefinition>> builtIn, boolean urlMode) {
        Optional<StackDefinition> own = contract.stack(name);
        if (own.isPresent()) {
            return own.get();
        }
        Optional<StackDefinition> fallback = contract.stacks().expectsNothing() && urlMode ? builtIn.get() : Optional.empty();
        if (fallback.isPresent()) {
            StackDefinition b = fallback.get();
            return new StackDefinition(b.name(), b.description(), b.project(), List.of(), b.services(),
                    EnumSet.allOf(ContractArea.class), Optional.empty(), b.where());
        }
        List<String> names = contract.stacks().entries().stream().map(StackDefinition::name).toList();
        throw new ConfigException("contract " + contract.origin().file() + " defines no stack " + name
                + (names.isEmpty() ? " (it defines no stacks at all)" : " (its stacks: " + String.join(", ", names) + ")"),
                names.isEmpty()
                        ? "a contract without stacks is for verify with URLs: `peaktrade-obs " + name + " verify --contract "
                                + contract.origin().file() + " --prometheus-url URL --grafana-url URL [--exporter-url URL]`"
                        : "add the stack under stacks: in the contract, or use one of its stacks");
    }
}
