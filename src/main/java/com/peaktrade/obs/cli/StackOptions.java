package com.peaktrade.obs.cli;

import com.peaktrade.obs.stack.AssetLocator;
import com.peaktrade.obs.stack.Stack;
import com.peaktrade.obs.stack.StackRunner;
import com.peaktrade.obs.stack.StackSettings;
import com.peaktrade.obs.stack.UserEnvironment;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by `shadow|grafana up|down|status`. */
final class StackOptions {
    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME",
            description = "Compose project name (default: peaktrade-shadow-mvs / peaktrade-grafana-local).")
    String projectName;

    @Option(names = "--assets-dir", paramLabel = "DIR",
            description = "Directory with compose/, prometheus/, grafana/ (default: the current directory when it "
                    + "is a checkout with them, else the copy embedded in the tool).")
    Path assetsDir;

    String project(Stack stack) {
        return projectName == null || projectName.isBlank() ? stack.defaultProject() : projectName;
    }

    StackRunner.LoadedStack load(Stack stack, String bind, Path passwordFile) {
        Map<String, String> env = UserEnvironment.load();
        StackSettings settings = StackSettings.resolve(env, bind, passwordFile);
        AssetLocator.Assets assets = AssetLocator.locate(assetsDir, Path.of(""), env);
        return StackRunner.load(stack, projectName, assets, settings);
    }
}
