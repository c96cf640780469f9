package com.peaktrade.obs.grafana;

import java.util.List;

/**
 * One {@code /api/search} hit.
 *
 * @param type        dash-db or dash-folder
 * @param url         "/d/&lt;uid&gt;/&lt;slug&gt;"
 * @param folderUid   null for General
 * @param folderTitle "General" when Grafana sends none
 */
public record SearchHit(String uid, String title, String type, String url, String folderUid, String folderTitle,
        List<String> tags) {
}
