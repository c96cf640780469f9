package com.peaktrade.obs.cli;

import com.peaktrade.obs.compose.ComposeConfigWriter;
import com.peaktrade.obs.compose.ComposeLoader;
import com.peaktrade.obs.compose.LoadRequest;
import com.peaktrade.obs.compose.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "config", mixinStandardHelpOptions = true,
        header = "The resolved, merged, interpolated compose model (like docker compose config).",
        description = "Reads the compose files in order, substitutes variables (shell environment, then .env "
                + "beside the first file or --env-file), merges them and prints the result. Warnings go to stderr.")
final class DebugConfigCommand implements Callable<Integer> {
    /** Output formats of this command. */
    enum Format { yaml, json }

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
            description = "Compose file; repeat to merge several in order.")
    List<Path> files;

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME",
            description = "Project name (default: COMPOSE_PROJECT_NAME, name: in the file, or the first file's directory).")
    String projectName;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Read variables from FILE instead of <project dir>/.env.")
    Path envFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        LoadResult result = new ComposeLoader().load(new LoadRequest(files, projectName, System.getenv(), envFile));
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(warning -> err.println("warning: " + warning));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? ComposeConfigWriter.toJson(result.project()) : ComposeConfigWriter.toYaml(result.project()));
        out.flush();
        return 0;
    }
}
