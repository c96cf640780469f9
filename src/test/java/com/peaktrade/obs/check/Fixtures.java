package com.peaktrade.obs.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Hand-built results and reports for the reporter tests. */
final class Fixtures {
    static final Instant STARTED = Instant.parse("2024-05-01T12:00:00.250Z");

    private Fixtures() {
    }

    static Result pass(String id, String message, String... evidence) {
        return new Result(id, Status.PASS, message, List.of(evidence), null, Duration.ofMillis(100));
    }

    static Result fail(String id, String message, String hint, String... evidence) {
        return new Result(id, Status.FAIL, message, List.of(evidence), hint, Duration.ofMillis(300));
    }

    static Result warn(String id, String message, String hint, String... evidence) {
        return new Result(id, Status.WARN, message, List.of(evidence), hint, Duration.ofMillis(200));
    }

    static Result skip(String id, String message) {
        return new Result(id, Status.SKIP, message, List.of(), null, Duration.ZERO);
    }

    static Report report(Result... results) {
        return new Report("shadow", List.of(results), Duration.ofMillis(450), STARTED);
    }

    /** One of each status: 1 passed, 1 failed, 1 warned, 1 skipped; checks total 0.6 s. */
    static Report mixed() {
        return report(
                pass("prometheus.ready", "/-/ready 200", "GET http://localhost:9092/-/ready -> 200"),
                fail("grafana.auth", "basic auth rejected (401)", "check GRAFANA_AUTH, or a stale Grafana volume",
                        "GET http://localhost:3000/api/user -> 401", "1 attempt (no retry after 401)"),
                warn("grafana.datasource.health", "main datasource unreachable", "start the main Prometheus",
                        "uid peaktrade-prometheus-main: Post \"http://host.docker.internal:9090\": refused"),
                skip("grafana.datasources", "skipped: grafana.auth failed"));
    }

    static String render(Reporter reporter, Report report) {
        java.io.StringWriter text = new java.io.StringWriter();
        reporter.write(report, new java.io.PrintWriter(text));
        return text.toString();
    }
}
