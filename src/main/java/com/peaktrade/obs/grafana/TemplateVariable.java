package com.peaktrade.obs.grafana;

/**
 * A dashboard variable ({@code templating.list[]}).
 *
 * @param type           query, datasource, custom, …
 * @param query          the query as text: a string as written, or the {@code query} field of an
 *                       object query; for a datasource variable the plugin type (e.g. prometheus)
 * @param regex          the variable's regex, or null
 * @param datasourceUid  the declared data source uid (may be a variable reference such as
 *                       {@code ${DS_LOCAL}}; a legacy plain string is taken as is), or null
 * @param datasourceType the declared data source type, or null
 * @param current        {@code current.value} as text (several values joined by ","), or null
 */
public record TemplateVariable(String name, String type, String query, String regex, String datasourceUid,
        String datasourceType, String current) {
}
