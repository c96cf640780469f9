package com.peaktrade.obs.check;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * The line format of SPEC §4, compatible with the old scripts' greps:
 * <pre>
 * PASS|id|message
 * FAIL|id|message
 * NEXT|hint
 * EVIDENCE|id|item          (after FAIL and WARN; after every result when verbose)
 * WARN|id|message
 * NEXT|hint                 (when the warning has one)
 * SKIP|id|message
 * INFO|endpoint|grafana http://127.0.0.1:3000 (defaulted: no --grafana-url)   (one per note)
 * INFO|contract|prometheus.jobs: empty in team.yaml:12, nothing expected
 * INFO|summary|3 passed, 1 failed, 1 warned, 1 skipped in 1.2 s (checks took 3.4 s in total)
 * RESULT=FAIL
 * </pre>
 * Lines end in {@code \n}; line breaks inside a field become spaces. Only the status word is coloured,
 * through picocli's markup, and only when {@code ansi} is on.
 */
public final class LinesReporter implements Reporter {
    private static final Map<Status, String> STYLE = Map.of(
            Status.PASS, "green", Status.FAIL, "red", Status.WARN, "yellow", Status.SKIP, "faint");

    private final Ansi ansi;
    private final boolean verbose;

    public LinesReporter(Ansi ansi, boolean verbose) {
        this.ansi = ansi;
        this.verbose = verbose;
    }

    @Override
    public void write(Report report, PrintWriter out) {
        for (Result result : report.results()) {
            line(out, ansi.string("@|" + STYLE.get(result.status()) + " " + result.status() + "|@"), result.id(), result.message());
            if (result.hint() != null && (result.status() == Status.FAIL || result.status() == Status.WARN)) {
                line(out, "NEXT", result.hint());
            }
            if (verbose || result.status() == Status.FAIL || result.status() == Status.WARN) {
                result.evidence().forEach(item -> line(out, "EVIDENCE", result.id(), item));
            }
        }
        report.notes().forEach(note -> line(out, "INFO", note.topic(), note.text()));
        line(out, "INFO", "summary", summary(report));
        out.print("RESULT=" + (report.passed() ? "PASS" : "FAIL") + "\n");
        out.flush();
    }

    /** "3 passed, 1 failed, 0 warned, 1 skipped in 1.2 s (checks took 3.4 s in total)". */
    static String summary(Report report) {
        Map<Status, Integer> counts = report.counts();
        return counts.get(Status.PASS) + " passed, " + counts.get(Status.FAIL) + " failed, "
                + counts.get(Status.WARN) + " warned, " + counts.get(Status.SKIP) + " skipped in "
                + Durations.seconds(report.wallTime()) + " s (checks took "
                + Durations.seconds(report.checkTimeTotal()) + " s in total)";
    }

    private static void line(PrintWriter out, String first, String... fields) {
        StringBuilder line = new StringBuilder(first);
        for (String field : fields) {
            line.append('|').append(field.strip().replaceAll("\\s*\\R\\s*", " "));
        }
        out.print(line.append('\n'));
    }
}
