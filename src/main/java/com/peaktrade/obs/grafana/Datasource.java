package com.peaktrade.obs.grafana;

import java.util.Map;

/**
 * A data source as {@code /api/datasources} lists it.
 *
 * @param access   "proxy" for provisioned ones
 * @param readOnly true for provisioned ones unless {@code editable}
 * @param jsonData plain Java values (maps, lists, strings, numbers, booleans); empty when none
 */
public record Datasource(long id, String uid, long orgId, String name, String type, String url, String access,
        boolean isDefault, boolean readOnly, Map<String, Object> jsonData) {
}
