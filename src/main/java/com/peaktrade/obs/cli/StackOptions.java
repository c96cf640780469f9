package com.peaktrade.obs.cli;

import com.peaktrade.obs.stack.AdminPasswordFile;
import com.peaktrade.obs.stack.AssetLocator;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.StackChoice;
import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.stack.StackRunner;
import com.peaktrade.obs.stack.StackSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by `STACK up|down|status`: project, assets directory, contract. */
final class StackOptions {
    @Mixin
    ProjectOption project;

    @Option(names = "--assets-dir", paramLabel = "DIR",
            description = "Directory with compose/, prometheus/, grafana/ (default: the current directory when it "
                    + "is a checkout with them, else the copy embedded in the tool).")
    Path assetsDir;

    @Mixin
    ContractOption contract;

    private Contract inForce;

    /** The contract in force (--contract, else the assets directory's, else embedded), read once. */
    Contract contract() {
        if (inForce == null) {
            inForce = contract.resolve(assetsDir);
        }
        return inForce;
    }

    /** The stack {@code name} of the contract in force; exit 2 if it has none. */
    StackDefinition stack(String name) {
        return StackChoice.of(contract(), name, Optional::empty, false);
    }

    String project(StackDefinition stack) {
        return project.or(stack);
    }

    /** @param rotate forget the generated Grafana password first, so a new one is made (up --rotate-grafana-password) */
    StackRunner.LoadedStack load(Map<String, String> env, String name, String bind, Path passwordFile, boolean rotate) {
        StackDefinition stack = stack(name);
        AdminPasswordFile stored = AdminPasswordFile.of(env, project(stack));
        if (rotate) {
            stored.delete();
        }
        StackSettings settings = StackSettings.resolve(env, bind, passwordFile, stored);
        AssetLocator.Assets assets = AssetLocator.locate(assetsDir, Path.of(""), env);
        return StackRunner.load(stack, contract().origin(), project.or(stack), assets, settings);
    }
}
