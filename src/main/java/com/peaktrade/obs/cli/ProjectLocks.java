package com.peaktrade.obs.cli;

import com.peaktrade.obs.stack.AssetLocator;
import com.peaktrade.obs.stack.ProjectLock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Takes the project lock for up/down, telling the user when it has to wait for another run. */
final class ProjectLocks {
    static final Duration WAIT = Duration.ofSeconds(120);

    private ProjectLocks() {
    }

    static ProjectLock take(Map<String, String> env, String project, String what, PrintWriter err) {
        Path state = AssetLocator.stateDir(env);
        return ProjectLock.tryAcquire(state, project, what).orElseGet(() -> {
            err.println("waiting for another peaktrade-obs run on project " + project + " ("
                    + ProjectLock.holder(state, project) + "), up to " + WAIT.toSeconds() + " s");
            err.flush();
            return ProjectLock.acquire(state, project, what, WAIT);
        });
    }
}
