package com.peaktrade.obs.contract.init;

import com.peaktrade.obs.contract.Contract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Draft} as contract YAML with comments (Jackson cannot write comments): a header
 * that says it is a draft to review, a comment above each entry that was guessed or found
 * unhealthy, and keys in the order docs/contract.md shows them.
 */
final class DraftWriter {
    private final StringBuilder out = new StringBuilder();

    static String write(Draft draft) {
        return new DraftWriter().document(draft);
    }

    private String document(Draft draft) {
        line(0, "# DRAFT written by `peaktrade-obs contract init`: REVIEW IT before you rely on it.");
        line(0, "# It states what existed when it was written, not what should exist. Delete what you do not");
        line(0, "# require, mark what may be missing `optional: true`, and add what is missing. Then:");
        line(0, "#   peaktrade-obs contract check FILE    (format: docs/contract.md)");
        line(0, "# Paths are relative to this file's directory.");
        if (!draft.sources.isEmpty()) {
            line(0, "#");
            line(0, "# Read from:");
            draft.sources.forEach(source -> line(0, "#   " + YamlScalar.comment(source)));
        }
        if (!draft.notes.isEmpty()) {
            line(0, "#");
            line(0, "# Left out:");
            draft.notes.forEach(note -> line(0, "#   " + YamlScalar.comment(note)));
        }
        line(0, "apiVersion: " + Contract.API_VERSION);
        stacks(draft);
        grafana(draft);
        prometheus(draft);
        exporters(draft);
        return out.toString();
    }

    private void stacks(Draft draft) {
        if (draft.stacks.isEmpty()) {
            return;
        }
        blank();
        line(0, "stacks:");
        for (Draft.Stack stack : draft.stacks) {
            why(1, stack.why());
            line(1, key(stack.name()) + ":");
            line(2, "project: " + YamlScalar.of(stack.project()));
            line(2, "compose:");
            stack.compose().forEach(file -> line(3, "- " + YamlScalar.of(file)));
            if (!stack.services().isEmpty()) {
                line(2, "services:");
                stack.services().forEach((role, service) -> line(3, role + ": " + service(service)));
            }
        }
    }

    private static String service(Draft.Service s) {
        List<String> fields = new ArrayList<>();
        fields.add("service: " + YamlScalar.of(s.service()));
        fields.add("port: " + s.port());
        if (s.hostPort() != null) {
            fields.add("host_port: " + s.hostPort());
        }
        if (s.hostPortEnv() != null) {
            fields.add("host_port_env: " + YamlScalar.of(s.hostPortEnv()));
        }
        if (s.path() != null) {
            fields.add("path: " + YamlScalar.of(s.path()));
        }
        if (s.job() != null) {
            fields.add("job: " + YamlScalar.of(s.job()));
        }
        return "{" + String.join(", ", fields) + "}";
    }

    private void grafana(Draft draft) {
        if (draft.datasources.isEmpty() && draft.dashboards.isEmpty()) {
            return;
        }
        blank();
        line(0, "grafana:");
        if (!draft.datasources.isEmpty()) {
            line(1, "datasources:");
            for (Draft.Datasource d : draft.datasources.values()) {
                why(2, d.optionalWhy());
                line(2, "- uid: " + YamlScalar.of(d.uid()));
                if (d.name() != null) {
                    line(3, "name: " + YamlScalar.of(d.name()));
                }
                if (d.type() != null) {
                    line(3, "type: " + YamlScalar.of(d.type()));
                }
                if (d.url() != null) {
                    line(3, "url: " + YamlScalar.of(d.url()));
                }
                if (d.isDefault()) {
                    line(3, "default: true");
                }
                if (d.optionalWhy() != null) {
                    line(3, "optional: true");
                }
            }
        }
        if (!draft.datasourceVariables.isEmpty()) {
            line(1, "# the variables through which dashboards pick their datasource, and the uids they offer");
            line(1, "datasource_variables:");
            for (Draft.DatasourceVariable v : draft.datasourceVariables.values()) {
                why(2, v.why());
                line(2, "- {name: " + YamlScalar.of(v.name()) + ", allowed: " + YamlScalar.list(v.allowed()) + "}");
            }
        }
        if (!draft.dashboards.isEmpty()) {
            line(1, "dashboards:");
            for (Draft.Dashboard d : draft.dashboards.values()) {
                why(2, d.why());
                line(2, "- uid: " + YamlScalar.of(d.uid()));
                if (d.folder() != null) {
                    line(3, "folder: " + YamlScalar.of(d.folder()));
                }
                if (d.title() != null) {
                    line(3, "title: " + YamlScalar.of(d.title()));
                }
                if (!d.variables().isEmpty()) {
                    line(3, "variables:");
                    for (Draft.Variable v : d.variables()) {
                        String query = v.query() == null ? "" : ", query: " + YamlScalar.of(v.query());
                        line(4, "- {name: " + YamlScalar.of(v.name()) + ", kind: " + YamlScalar.of(v.kind()) + query + "}");
                    }
                }
            }
        }
        draft.datasources.values().stream().filter(Draft.Datasource::isDefault).findFirst().ifPresent(d -> {
            line(1, "# a query verify sends through Grafana: any series proves Grafana -> Prometheus works");
            line(1, "query:");
            line(2, "datasource: " + YamlScalar.of(d.uid()));
            line(2, "promql: up");
        });
    }

    private void prometheus(Draft draft) {
        if (draft.jobs.isEmpty() && draft.queries.isEmpty()) {
            return;
        }
        blank();
        line(0, "prometheus:");
        if (!draft.jobs.isEmpty()) {
            line(1, "jobs:");
            for (Draft.Job job : draft.jobs.values()) {
                why(2, job.optionalWhy());
                line(2, job.optionalWhy() == null ? "- name: " + YamlScalar.of(job.name())
                        : "- {name: " + YamlScalar.of(job.name()) + ", optional: true}");
            }
        }
        if (!draft.queries.isEmpty()) {
            line(1, "# golden queries: each must return at least one series, none NaN");
            line(1, "queries:");
            for (Draft.Query q : draft.queries.values()) {
                why(2, q.why());
                line(2, "- name: " + YamlScalar.of(q.name()));
                line(3, "promql: " + YamlScalar.of(q.promql()));
                if (q.optional()) {
                    line(3, "optional: true");
                }
            }
        }
    }

    private void exporters(Draft draft) {
        if (draft.exporters.isEmpty()) {
            return;
        }
        blank();
        line(0, "exporters:");
        for (Draft.Exporter e : draft.exporters.values()) {
            why(1, e.why());
            line(1, key(e.job()) + ":");
            line(2, "families:");
            for (Draft.Family f : e.families()) {
                line(3, "- {name: " + YamlScalar.of(f.name()) + ", type: " + f.type() + ", labels: " + YamlScalar.list(f.labels()) + "}");
            }
            if (!e.labelValues().isEmpty()) {
                line(2, "# the values each label had at init time: delete the labels whose values are free (e.g. mode)");
                line(2, "label_values:");
                for (Map.Entry<String, List<String>> values : e.labelValues().entrySet()) {
                    line(3, key(values.getKey()) + ": " + YamlScalar.list(values.getValue()));
                }
            }
        }
    }

    private static String key(String name) {
        return YamlScalar.of(name);
    }

    private void why(int depth, String why) {
        if (why != null && !why.isBlank()) {
            line(depth, "# " + YamlScalar.comment(why));
        }
    }

    private void blank() {
        out.append('\n');
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }
}
