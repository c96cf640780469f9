package com.peaktrade.obs.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Reads the top-level grafana/ assets (tests run from the project directory). */
final class GrafanaAssets {
    private GrafanaAssets() {}

    static final Path ROOT = Path.of("grafana");
    static final Path DATASOURCES = ROOT.resolve("provisioning/datasources/datasources.yaml");
    static final Path PROVIDERS = ROOT.resolve("provisioning/dashboards/dashboards.yaml");
    static final Path DASHBOARDS = ROOT.resolve("dashboards");

    /** SPEC §3: datasource variable → the uid it defaults to. */
    static final Map<String, String> DS_VARIABLES = Map.of(
            "DS_LOCAL", "peaktrade-prometheus-local",
            "DS_SHADOW", "peaktrade-prometheus-shadow",
            "DS_MAIN", "peaktrade-prometheus-main");

    /** SPEC §3: the four dashboards, by file. */
    enum Spec {
        EXECUTION("execution/peaktrade-execution-watch-overview.json", "peaktrade-execution-watch-overview",
                "Peak_Trade — Execution Watch Overview"),
        OVERVIEW("overview/peaktrade-overview.json", "peaktrade-overview", "Peak_Trade Overview (Mini vs Main)"),
        SHADOW("shadow/peaktrade-shadow-pipeline-mvs.json", "peaktrade-shadow-pipeline-mvs",
                "Peak_Trade — Shadow Pipeline (MVS, Contract v1)"),
        HTTP("http/peaktrade-labeled-local.json", "peaktrade-labeled-local", "Peak_Trade Labeled (Local / 9092)");

        final Path file;
        final String uid;
        final String title;

        Spec(String file, String uid, String title) {
            this.file = DASHBOARDS.resolve(file);
            this.uid = uid;
            this.title = title;
        }

        String folder() {
            return file.getParent().getFileName().toString();
        }

        Dashboard load() {
            return new Dashboard(json(file));
        }
    }

    /** A query expression and where it sits in the dashboard (for assertion messages). */
    record Query(String where, String expr) {}

    record Dashboard(JsonNode json) {
        List<JsonNode> panels() {
            List<JsonNode> all = new ArrayList<>();
            collect(json.path("panels"), all);
            return all;
        }

        private static void collect(JsonNode panels, List<JsonNode> into) {
            for (JsonNode panel : panels) {
                into.add(panel);
                collect(panel.path("panels"), into);
            }
        }

        List<JsonNode> variables() {
            return list(json.path("templating").path("list"));
        }

        List<JsonNode> variables(String type) {
            return variables().stream().filter(v -> type.equals(v.path("type").asText())).toList();
        }

        JsonNode variable(String name) {
            return variables().stream().filter(v -> name.equals(v.path("name").asText())).findFirst().orElseThrow(
                    () -> new AssertionError("no variable " + name + " in " + json.path("uid").asText()));
        }

        /** Every datasource reference: panels, targets, query variables and annotations. */
        List<JsonNode> datasourceRefs() {
            List<JsonNode> refs = new ArrayList<>();
            for (JsonNode panel : panels()) {
                refs.add(panel.path("datasource"));
                list(panel.path("targets")).forEach(t -> refs.add(t.path("datasource")));
            }
            variables().stream().filter(v -> !"datasource".equals(v.path("type").asText()))
                    .forEach(v -> refs.add(v.path("datasource")));
            list(json.path("annotations").path("list")).forEach(a -> refs.add(a.path("datasource")));
            return refs.stream().filter(r -> !r.isMissingNode() && !r.isNull()).toList();
        }

        /** Every PromQL expression: targets, query variables and annotations. */
        List<Query> queries() {
            List<Query> queries = new ArrayList<>();
            for (JsonNode panel : panels()) {
                for (JsonNode target : list(panel.path("targets"))) {
                    queries.add(new Query("panel '" + panel.path("title").asText() + "' "
                            + target.path("refId").asText(), target.path("expr").asText()));
                }
            }
            for (JsonNode variable : variables("query")) {
                queries.add(new Query("variable " + variable.path("name").asText(), variableQuery(variable)));
            }
            for (JsonNode annotation : list(json.path("annotations").path("list"))) {
                if (annotation.has("expr")) {
                    queries.add(new Query("annotation " + annotation.path("name").asText(),
                            annotation.path("expr").asText()));
                }
            }
            return queries;
        }

        List<Query> targetQueries() {
            return queries().stream().filter(q -> q.where().startsWith("panel ")).toList();
        }
    }

    /** A query variable's query: a plain string, or {"query": …} as Grafana 10+ stores it. */
    static String variableQuery(JsonNode variable) {
        JsonNode query = variable.path("query");
        return query.isTextual() ? query.asText() : query.path("query").asText();
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    static JsonNode yaml(Path file) {
        return read(new ObjectMapper(new YAMLFactory()), file);
    }

    static JsonNode json(Path file) {
        return read(new ObjectMapper(), file);
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
