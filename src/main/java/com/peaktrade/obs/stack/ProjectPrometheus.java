package com.peaktrade.obs.stack;

import com.peaktrade.obs.docker.ComposeEngine;
import com.peaktrade.obs.docker.ContainerDetails;
import com.peaktrade.obs.docker.ContainerInspector;
import com.peaktrade.obs.docker.ExecResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The prometheus-local container of one of our projects, as {@link PrometheusReload} uses it. */
public final class ProjectPrometheus implements PrometheusReload.ManagedContainer {
    public static final String SERVICE = "prometheus-local";
    static final String DEFAULT_CONFIG = "/etc/prometheus/prometheus.yml";
    static final String PROMTOOL = "/bin/promtool";
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(20);

    private final ContainerInspector inspector;
    private final ComposeEngine engine;
    private final ContainerDetails container;
    private final String project;

    private ProjectPrometheus(ContainerInspector inspector, ComposeEngine engine, String project, ContainerDetails container) {
        this.inspector = inspector;
        this.engine = engine;
        this.project = project;
        this.container = container;
    }

    /** The project's running Prometheus container, if it has one. */
    public static Optional<ProjectPrometheus> find(ContainerInspector inspector, ComposeEngine engine, String project) {
        return inspector.service(project, SERVICE).map(c -> new ProjectPrometheus(inspector, engine, project, c));
    }

    public ContainerDetails details() {
        return container;
    }

    @Override
    public String name() {
        return container.name();
    }

    @Override
    public String configFile() {
        return container.flag("--config.file").orElse(DEFAULT_CONFIG);
    }

    @Override
    public Optional<ExecResult> validate() {
        if (!container.running()) {
            return Optional.empty();
        }
        ExecResult version = inspector.exec(container.id(), List.of(PROMTOOL, "--version"), EXEC_TIMEOUT);
        if (!version.ok()) {
            return Optional.empty();
        }
        return Optional.of(inspector.exec(container.id(), List.of(PROMTOOL, "check", "config", configFile()), EXEC_TIMEOUT));
    }

    @Override
    public void restart() {
        inspector.restart(container.id(), Duration.ofSeconds(10));
    }

    @Override
    public List<String> lastLogLines() {
        return engine.logs(project, SERVICE, 15, null);
    }
}
