package com.peaktrade.obs.grafana;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/dashboards/uid/{uid}}: the dashboard's identity, where it lives, whether it was
 * provisioned, its variables and panels.
 *
 * @param folderUid             null for General
 * @param folderTitle           "General" when none
 * @param provisioned           true only when provisioned with {@code allowUiUpdates: false}
 * @param provisionedExternalId the file path relative to the provider's {@code options.path}, or null
 */
public record DashboardDetail(String uid, String title, long version, String folderUid, String folderTitle,
        boolean provisioned, String provisionedExternalId, List<TemplateVariable> variables, List<Panel> panels) {

    public Optional<TemplateVariable> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
