package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractSummary;
import com.peaktrade.obs.error.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Validate a contract file: unknown keys, wrong types, a uid or query name twice, PromQL, compose files.",
        description = {"Reads FILE as every command would and prints what it expects. Nothing is started or queried."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the contract is valid", "2:it is not: every problem is listed with file:line"})
final class ContractCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The contract file (e.g. peaktrade-obs.yaml).")
    Path file;

    @Override
    public Integer call() {
        Contract contract = ContractCommand.loader().load(file);
        PrintWriter out = spec.commandLine().getOut();
        out.println("OK " + contract.origin().file() + ": a valid contract (" + contract.apiVersion() + ")");
        ContractSummary.of(contract).forEach(line -> out.println("  " + line));
        return ExitCodes.OK;
    }
}
