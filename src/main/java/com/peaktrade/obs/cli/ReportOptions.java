package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.check.Reporter;
import com.peaktrade.obs.check.Reporters;
import com.peaktrade.obs.error.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Output options shared by the commands that produce a check report (verify, app verify, lint). */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "lines",
            description = "Output: lines (PASS|id|message …, RESULT=), json or junit (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a report to FILE.")
    Path reportFile;

    @Option(names = "--report-format", paramLabel = "FORMAT", defaultValue = "junit",
            description = "Format of --report: lines, json or junit (default: ${DEFAULT-VALUE}).")
    String reportFormat;

    @Option(names = {"-v", "--verbose"}, description = "Print evidence for passing results too.")
    boolean verbose;

    /** Unknown format names are a usage error (exit 2) before anything runs. */
    void validate() {
        Reporters.byName(format);
        if (reportFile != null) {
            Reporters.byName(reportFormat);
        }
    }

    /** True when standard output carries JSON or JUnit, which nothing else may be printed into. */
    boolean machineReadable() {
        return !Reporters.DEFAULT.equalsIgnoreCase(format.strip());
    }

    /** The report on the command's standard output, and in --report FILE when given. */
    void emit(Report report, CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        Reporters.byName(format, spec.commandLine().getColorScheme().ansi(), verbose).write(report, out);
        out.flush();
        if (reportFile == null) {
            return;
        }
        Reporter fileReporter = Reporters.byName(reportFormat);
        try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(reportFile, StandardCharsets.UTF_8))) {
            fileReporter.write(report, file);
        } catch (IOException e) {
            throw new ConfigException("cannot write the report to " + reportFile + ": " + e.getMessage(),
                    "check the directory exists and is writable");
        }
    }
}
