package com.peaktrade.obs.stack;

import com.peaktrade.obs.docker.ContainerDetails;
import com.peaktrade.obs.docker.ContainerInspector;
import com.peaktrade.obs.docker.ContainerMount;
import com.peaktrade.obs.docker.ExecResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code debug mounts}: each container's mounts and what the container really sees at each target
 * (listed through the engine's exec API), flagging a bind whose host source is missing or whose
 * target is empty or unreadable inside: the classic "Grafana starts but shows no dashboards". On an
 * engine on another machine the stack's files were copied in instead: those show as type copy,
 * with the path on this machine they came from.
 */
public final class MountReport {
    /** Lines of one target's listing that are kept. */
    public static final int MAX_LISTING_LINES = 40;
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(10);

    /**
     * One mount and what was found.
     *
     * @param sourceExists null when not checked (a volume, or an engine on another machine)
     * @param entries      entries directly under the target inside the container; null when not looked at
     * @param listing      {@code ls -lAR} of the target inside the container, at most {@link #MAX_LISTING_LINES} lines
     * @param problem      null when fine
     * @param hint         what to do about the problem, null when fine
     */
    public record Finding(ContainerMount mount, Boolean sourceExists, Integer entries, List<String> listing,
            boolean listingTruncated, String problem, String hint) {
        public boolean flagged() {
            return problem != null;
        }
    }

    /** One container's mounts; {@code note} says why the inside could not be seen (null when it could). */
    public record ContainerMounts(String service, String container, boolean running, String state, List<Finding> mounts,
            String note) {
        public boolean flagged() {
            return mounts.stream().anyMatch(Finding::flagged);
        }
    }

    private final ContainerInspector inspector;
    private final boolean hostPathsVisible;

    /**
     * @param hostPathsVisible true when the engine runs on this machine (unix socket, npipe), so a
     *                         bind's host source can be checked here
     */
    public MountReport(ContainerInspector inspector, boolean hostPathsVisible) {
        this.inspector = inspector;
        this.hostPathsVisible = hostPathsVisible;
    }

    public List<ContainerMounts> inspect(String project, String stackId) {
        List<ContainerMounts> result = new ArrayList<>();
        for (ContainerDetails c : inspector.containers(project)) {
            List<Finding> findings = new ArrayList<>();
            for (ContainerMount m : c.mounts()) {
                findings.add(look(c, m, stackId));
            }
            String note = c.running() ? null : "container is " + c.state() + ": cannot look inside; why: "
                    + "`peaktrade-obs debug logs " + c.service() + " -p " + project + "`";
            result.add(new ContainerMounts(c.service(), c.name(), c.running(), c.state(), findings, note));
        }
        return result;
    }

    private Finding look(ContainerDetails c, ContainerMount m, String stackId) {
        // a copy's source is on this machine whichever engine runs the container
        Boolean sourceExists = m.isBind() && hostPathsVisible || m.isCopy() ? Files.exists(Path.of(m.source())) : null;
        boolean files = m.isBind() || m.isCopy();
        Integer entries = null;
        List<String> listing = List.of();
        boolean truncated = false;
        String lsProblem = null;
        if (c.running()) {
            ExecResult names = inspector.exec(c.id(), List.of("ls", "-A", m.target()), EXEC_TIMEOUT);
            if (names.ok()) {
                entries = (int) names.stdout().lines().filter(l -> !l.isBlank()).count();
                ExecResult long_ = inspector.exec(c.id(), List.of("ls", files ? "-lAR" : "-lA", m.target()), EXEC_TIMEOUT);
                List<String> lines = (long_.ok() ? long_.stdout() : long_.output()).lines().toList();
                truncated = lines.size() > MAX_LISTING_LINES;
                listing = truncated ? lines.subList(0, MAX_LISTING_LINES) : lines;
            } else {
                lsProblem = names.timedOut() ? "listing timed out" : names.output().isEmpty()
                        ? "ls exited " + names.exitCode() : names.output().lines().findFirst().orElse("");
            }
        }
        String fix = "Grafana starts but shows no dashboards when its provisioning or dashboards mount is empty. "
                + "Docker creates an empty directory for a missing bind source; point the compose file at the real "
                + "directory (relative paths resolve against the first compose file's directory, or use --assets-dir), "
                + "then `peaktrade-obs " + (stackId == null ? "shadow" : stackId) + " up`";
        if (Boolean.FALSE.equals(sourceExists)) {
            return new Finding(m, false, entries, listing, truncated, "source " + m.source() + " does not exist "
                    + (m.isCopy() ? "here any more (it was copied in at the last up)" : "on the host")
                    + (entries != null && entries == 0 ? "; the container sees an empty " + m.target() : ""), fix);
        }
        if (files && entries != null && entries == 0) {
            return new Finding(m, sourceExists, entries, listing, truncated, "target " + m.target()
                    + " is empty inside the container", fix);
        }
        if (lsProblem != null) {
            return new Finding(m, sourceExists, null, listing, truncated, "cannot list " + m.target()
                    + " inside the container: " + lsProblem, "the container's user must be able to read the mounted "
                    + "files (Grafana runs as uid 472, Prometheus as nobody): make them world-readable (chmod -R a+rX)");
        }
        return new Finding(m, sourceExists, entries, listing, truncated, null, null);
    }
}
