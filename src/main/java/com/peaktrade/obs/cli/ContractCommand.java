package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.ContractLoader;
import com.peaktrade.obs.lint.Rule;
import com.peaktrade.obs.lint.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "contract",
        mixinStandardHelpOptions = true,
        header = "Check, show or draft the contract: what verify and lint expect of the stacks (docs/contract.md).",
        commandListHeading = "%nCommands:%n",
        subcommands = {
            ContractCheckCommand.class,
            ContractShowCommand.class,
            ContractInitCommand.class,
        })
final class ContractCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: pick one of " + spec.subcommands().keySet());
    }

    /** A loader that knows lint's rules, which a contract's lint policy may name. */
    static ContractLoader loader() {
        return new ContractLoader(Rules.all().stream().map(Rule::id).toList());
    }
}
