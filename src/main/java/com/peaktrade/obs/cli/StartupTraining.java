package com.peaktrade.obs.cli;

import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.exporter.ExporterSettings;
import com.peaktrade.obs.exporter.ShadowMvsExporter;
import com.peaktrade.obs.http.SelectorThreads;
import com.peaktrade.obs.stack.AssetLocator;
import com.peaktrade.obs.stack.Stack;
import com.peaktrade.obs.stack.StackRunner;
import com.peaktrade.obs.stack.StackSettings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The training run of the start-up archives (scripts/aot-cache.sh for JDK 25's AOT cache,
 * scripts/cds-archive.sh for AppCDS): the commands users run most, in one JVM, so that the one
 * archive the JVM records holds what each of them loads. Verify speaks HTTP to this jar's mock
 * exporter on a free loopback port: Prometheus' and Grafana's paths answer 404 there and the
 * checks FAIL, but the HTTP clients, JSON and check code run as in a real verify. With a Docker
 * engine, verify and debug ps also ask it about a training project that has no containers
 * (read-only), and `up` is rehearsed up to its first engine call (nothing is sent). Not a command:
 * `java -cp peaktrade-obs.jar com.peaktrade.obs.cli.StartupTraining`.
 */
public final class StartupTraining {
    /** A project nobody has: the engine is asked about it, never told to do anything. */
    static final String PROJECT = "peaktrade-obs-startup-training";

    private StartupTraining() {
    }

    /**
     * `up` up to the first engine call: the shadow stack loaded as up loads it, and what up would
     * send built and sent nowhere (ComposeEngine.rehearseUp). Nothing is created.
     */
    private static void rehearseUp() {
        try {
            Map<String, String> env = System.getenv();
            AssetLocator.Assets assets = AssetLocator.locate(null, Path.of(""), env);
            StackRunner.LoadedStack shadow = StackRunner.load(Stack.SHADOW, PROJECT, assets, StackSettings.resolve(env, null, null, null));
            ComposeEngine.rehearseUp(shadow.project());
        } catch (RuntimeException trainingOnly) {
            // a training run: a stack that does not load here only trains less
        }
    }

    public static void main(String[] args) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(quiet);
        System.setErr(quiet);
        try (ShadowMvsExporter exporter = ShadowMvsExporter.start(new ExporterSettings("127.0.0.1", 0, "shadow", "sim"))) {
            String url = "http://127.0.0.1:" + exporter.port();
            Main.run("--help");
            Main.run("shadow", "verify", "--help");
            Main.run("lint");
            Main.run("shadow", "verify", "--prometheus-url", url, "--grafana-url", url, "--exporter-url", url + "/metrics",
                    "--no-wait");
            Main.run("shadow", "verify", "-p", PROJECT, "--no-wait");
            Main.run("debug", "ps", "-p", PROJECT);
            rehearseUp();
        }
        SelectorThreads.release();
        System.exit(0);
    }
}
