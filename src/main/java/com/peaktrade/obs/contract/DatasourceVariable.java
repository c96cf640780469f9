package com.peaktrade.obs.contract;

import java.util.List;

/**
 * A template variable through which dashboards pick their datasource, and the datasource uids it
 * may offer. One per datasource ({@code DS_LOCAL} → one uid) and one shared {@code ds} variable
 * (→ several uids) are both written this way, side by side during a migration.
 */
public record DatasourceVariable(String name, List<String> allowed, Where where) {
    public DatasourceVariable {
        allowed = List.copyOf(allowed);
    }
}
