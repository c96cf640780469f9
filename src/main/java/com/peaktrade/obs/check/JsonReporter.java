package com.peaktrade.obs.check;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.peaktrade.obs.cli.VersionProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * One pretty JSON document:
 * {@code {"tool":{name,version,commit},"suite","result","exitCode","startedAt","wallTimeMs",
 * "checkTimeMsTotal","summary":{pass,fail,warn,skip},"checks":[{id,status,message,evidence,hint,durationMs}]}}.
 */
public final class JsonReporter implements Reporter {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** Which tool wrote the report. */
    public record Tool(String name, String version, String commit) {
        public static Tool current() {
            return new Tool("peaktrade-obs", VersionProvider.version(), VersionProvider.commit());
        }
    }

    private final Tool tool;

    public JsonReporter() {
        this(Tool.current());
    }

    public JsonReporter(Tool tool) {
        this.tool = tool;
    }

    @Override
    public void write(Report report, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("tool").put("name", tool.name()).put("version", tool.version()).put("commit", tool.commit());
        root.put("suite", report.suite());
        root.put("result", report.passed() ? "PASS" : "FAIL");
        root.put("exitCode", report.exitCode());
        root.put("startedAt", report.startedAt().toString());
        root.put("wallTimeMs", report.wallTime().toMillis());
        root.put("checkTimeMsTotal", report.checkTimeTotal().toMillis());
        ObjectNode summary = root.putObject("summary");
        report.counts().forEach((status, count) -> summary.put(status.name().toLowerCase(java.util.Locale.ROOT), count));
        ArrayNode checks = root.putArray("checks");
        for (Result result : report.results()) {
            ObjectNode check = checks.addObject();
            check.put("id", result.id());
            check.put("status", result.status().name());
            check.put("message", result.message());
            result.evidence().forEach(check.putArray("evidence")::add);
            check.put("hint", result.hint());
            check.put("durationMs", result.duration().toMillis());
        }
        if (!report.notes().isEmpty()) {
            report.notes().stream().map(Note::text).forEach(root.putArray("notes")::add);
        }
        try {
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.print('\n');
        out.flush();
    }
}
