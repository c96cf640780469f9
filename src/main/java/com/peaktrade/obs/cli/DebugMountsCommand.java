package com.peaktrade.obs.cli;

import com.peaktrade.obs.docker.ContainerInspector;
import com.peaktrade.obs.session.Session;
import com.peaktrade.obs.stack.MountReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "mounts", mixinStandardHelpOptions = true,
        header = "Each container's mounts and what the container really sees there.",
        description = {"For each container of the project: its mounts (source → target, ro/rw) and a listing of each "
                + "target made inside the container through the engine's exec API. A bind whose host source is missing, "
                + "or whose target is empty or unreadable inside, is flagged with the fix (the classic \"Grafana starts "
                + "but shows no dashboards\").",
            "On a remote engine (tcp, ssh) up copies the stack's files in instead of bind-mounting them: each shows as "
                + "copy SOURCE → TARGET, SOURCE being the path on this machine.",
            "Exit 0 when nothing is flagged, 1 otherwise (or when the project has no containers)."})
final class DebugMountsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StackSelection selection;

    @Mixin
    SnapshotFormat format;

    @Option(names = "--no-listing", description = "Show mounts and flags only, not the listings.")
    boolean noListing;

    @Override
    public Integer call() {
        try (Session session = Session.open()) {
            StackSelection.Selection chosen = selection.select(session::compose, null);
            boolean local = session.engine().endpoint().local();
            List<MountReport.ContainerMounts> report = new MountReport(new ContainerInspector(session.engine()), local)
                    .inspect(chosen.project(), chosen.stack().name());
            print(chosen, report);
            return !report.isEmpty() && report.stream().noneMatch(MountReport.ContainerMounts::flagged) ? 0 : 1;
        }
    }

    private void print(StackSelection.Selection chosen, List<MountReport.ContainerMounts> report) {
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("project", chosen.project());
            doc.put("containers", report.stream().map(this::json).toList());
            out.println(Json.write(doc));
        } else if (report.isEmpty()) {
            out.println("project " + chosen.project() + " has no containers; start it with `peaktrade-obs "
                    + chosen.stack().name() + " up`");
        } else {
            print(out, chosen.project(), report);
        }
    }

    private void print(PrintWriter out, String projectName, List<MountReport.ContainerMounts> report) {
        out.println("project " + projectName + ":");
        for (MountReport.ContainerMounts c : report) {
            out.println();
            out.println(c.service() + " (" + c.container() + ", " + c.state() + ")"
                    + (c.mounts().isEmpty() ? ": no mounts" : ""));
            if (c.note() != null) {
                out.println("  NOTE " + c.note());
            }
            for (MountReport.Finding f : c.mounts()) {
                var m = f.mount();
                String seen = f.entries() == null ? "" : "  " + f.entries() + (f.entries() == 1 ? " entry" : " entries");
                out.println("  " + m.type() + " " + m.source() + " → " + m.target() + " (" + m.mode() + ")" + seen);
                if (f.flagged()) {
                    out.println("  FLAG " + f.problem());
                    out.println("  NEXT " + f.hint());
                }
                if (!noListing) {
                    f.listing().forEach(l -> out.println("    | " + l));
                    if (f.listingTruncated()) {
                        out.println("    | … (first " + MountReport.MAX_LISTING_LINES + " lines)");
                    }
                }
            }
        }
    }

    private Map<String, Object> json(MountReport.ContainerMounts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", c.service());
        m.put("container", c.container());
        m.put("state", c.state());
        m.put("note", c.note());
        m.put("mounts", c.mounts().stream().map(f -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("type", f.mount().type());
            j.put("source", f.mount().source());
            j.put("target", f.mount().target());
            j.put("mode", f.mount().mode());
            j.put("sourceExists", f.sourceExists());
            j.put("entries", f.entries());
            j.put("problem", f.problem());
            j.put("hint", f.hint());
            if (!noListing) {
                j.put("listing", f.listing());
            }
            return j;
        }).toList());
        return m;
    }
}
