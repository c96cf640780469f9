package com.peaktrade.obs.grafana;

import java.util.List;

/**
 * A panel (rows flattened: panels inside a collapsed row are listed after it).
 *
 * @param datasourceUid  the panel's declared data source uid (or a variable reference such as
 *                       {@code ${DS_SHADOW}}), else its first target's; null when none
 * @param datasourceType the declared type, or null
 * @param exprs          the {@code expr} of each target that has one
 */
public record Panel(long id, String title, String type, String datasourceUid, String datasourceType,
        List<String> exprs) {
}
