package com.peaktrade.obs.contract.init;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contract as {@code contract init} found it, before it is written out: every entry may carry a
 * reason ({@code why}) that becomes a YAML comment, so the human who reviews the draft sees what was
 * guessed and what was down. Mutable while sources are scanned; {@link DraftWriter} writes it.
 */
public final class Draft {
    /** Where the draft's facts came from, for the header. */
    final List<String> sources = new ArrayList<>();
    /** What was found but left out, and why (e.g. a provisioning file Grafana does not read). */
    final List<String> notes = new ArrayList<>();
    final List<Stack> stacks = new ArrayList<>();
    final Map<String, Datasource> datasources = new LinkedHashMap<>();
    final Map<String, DatasourceVariable> datasourceVariables = new LinkedHashMap<>();
    final Map<String, Dashboard> dashboards = new LinkedHashMap<>();
    final Map<String, Job> jobs = new LinkedHashMap<>();
    final Map<String, Query> queries = new LinkedHashMap<>();
    final Map<String, Exporter> exporters = new LinkedHashMap<>();

    /** A compose stack: project, files relative to the contract, and the services verify talks to. */
    record Stack(String name, String project, List<String> compose, Map<String, Service> services, String why) {
    }

    /** @param role prometheus, grafana or exporter; {@code hostPortEnv}, {@code path} and {@code job} may be null */
    record Service(String role, String service, int port, Integer hostPort, String hostPortEnv, String path, String job) {
    }

    record Datasource(String uid, String name, boolean isDefault, String type, String url, String optionalWhy) {
        Datasource optional(String why) {
            return new Datasource(uid, name, isDefault, type, url, why);
        }
    }

    record DatasourceVariable(String name, List<String> allowed, String why) {
    }

    /** @param folder null for General */
    record Dashboard(String uid, String title, String folder, List<Variable> variables, String why) {
    }

    /** @param query the query as written (custom: the comma-separated values), or null */
    record Variable(String name, String kind, String query) {
    }

    record Job(String name, String optionalWhy) {
    }

    record Query(String name, String promql, boolean optional, String why) {
    }

    record Exporter(String job, List<Family> families, Map<String, List<String>> labelValues, String why) {
    }

    record Family(String name, String type, List<String> labels) {
    }

    /** Adds a job; one that any source found down or outside the stacks stays optional, with that reason. */
    void job(Job job) {
        jobs.merge(job.name(), job, (old, fresh) -> fresh.optionalWhy() != null ? fresh : old);
    }

    /** Adds a datasource variable, or adds the uids it offers to the one of that name. */
    void datasourceVariable(DatasourceVariable variable) {
        datasourceVariables.merge(variable.name(), variable, (old, fresh) -> {
            List<String> allowed = new ArrayList<>(old.allowed());
            fresh.allowed().stream().filter(uid -> !allowed.contains(uid)).forEach(allowed::add);
            return new DatasourceVariable(old.name(), allowed, old.why() != null ? old.why() : fresh.why());
        });
    }

    boolean isEmpty() {
        return stacks.isEmpty() && datasources.isEmpty() && dashboards.isEmpty() && jobs.isEmpty() && exporters.isEmpty();
    }
}
