package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractResolver;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.error.ObsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The stacks a contract adds as command groups, read before the command tree is built: the
 * contract the arguments select ({@code --contract FILE}, {@code --assets-dir DIR}, else the working
 * directory's, else the embedded one), found by a plain scan of the arguments. The command that then
 * runs reads the same contract through its own options.
 */
final class ContractStacks {
    private ContractStacks() {
    }

    /**
     * The contract's stacks whose names are not taken by a command of the tool. A contract that does
     * not load is thrown (exit 2, file:line) when {@code mustLoad}, else it adds nothing: then the
     * command that reads it reports it.
     */
    static List<StackDefinition> extra(Set<String> taken, boolean mustLoad, String... args) {
        Contract contract;
        try {
            contract = ContractResolver.resolve(new ContractResolver.Request(pathOf("--contract", args),
                    pathOf("--assets-dir", args), Path.of("")), ContractCommand.loader());
        } catch (ObsException e) {
            if (mustLoad) {
                throw e;
            }
            return List.of();
        }
        return contract.stacks().entries().stream().filter(s -> !taken.contains(s.name())).toList();
    }

    /** The value of the last {@code option VALUE} or {@code option=VALUE} before "--"; null when absent. */
    static Path pathOf(String option, String... args) {
        Path value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(option) && i + 1 < args.length) {
                value = Path.of(args[i + 1]);
            } else if (args[i].startsWith(option + "=")) {
                value = Path.of(args[i].substring(option.length() + 1));
            }
        }
        return value;
    }
}
