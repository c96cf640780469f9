package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractResolver;
import com.peaktrade.obs.contract.ContractSummary;
import com.peaktrade.obs.error.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true,
        header = "Print the contract in force, where it came from and what it expects.",
        description = {"The contract is --contract FILE, else peaktrade-obs.yaml in the assets directory (--assets-dir, or "
                + "this directory when it is a checkout), else the embedded default. Printed: where it came from, one "
                + "line per section, then the file itself."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:the contract in force is invalid (every problem with file:line)"})
final class ContractShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--contract", paramLabel = "FILE", description = "This contract file.")
    Path contractFile;

    @Option(names = "--assets-dir", paramLabel = "DIR",
            description = "Directory with compose/, prometheus/, grafana/ and perhaps peaktrade-obs.yaml.")
    Path assetsDir;

    @Override
    public Integer call() {
        Contract contract = ContractResolver.resolve(new ContractResolver.Request(contractFile, assetsDir, Path.of("")),
                ContractCommand.loader());
        PrintWriter out = spec.commandLine().getOut();
        out.println("# contract: " + contract.origin().describe());
        ContractSummary.of(contract).forEach(line -> out.println("# " + line));
        out.println("---");
        out.print(contract.text().endsWith("\n") ? contract.text() : contract.text() + "\n");
        return ExitCodes.OK;
    }
}
