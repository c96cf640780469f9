package com.peaktrade.obs.contract;

import com.peaktrade.obs.error.ConfigException;
import java.util.List;

/**
 * A contract that cannot be used: syntax, an unknown key, a wrong type, a uid twice, a golden
 * query that does not parse, a compose file missing. Every problem names file:line; exit 2.
 */
public final class ContractException extends ConfigException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ContractException(String file, List<String> problems) {
        super(message(file, problems), "fix the contract (format: docs/contract.md); `peaktrade-obs contract check "
                + file + "` lists every problem");
        this.problems = List.copyOf(problems);
    }

    /** Each problem as "file:line: what is wrong". */
    public List<String> problems() {
        return problems;
    }

    private static String message(String file, List<String> problems) {
        if (problems.size() == 1) {
            return "invalid contract " + problems.get(0);
        }
        return "invalid contract " + file + " (" + problems.size() + " problems):\n  " + String.join("\n  ", problems);
    }
}
