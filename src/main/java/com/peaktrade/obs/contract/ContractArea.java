package com.peaktrade.obs.contract;

import java.util.Locale;

/** The parts of a contract a stack's verify can check; a stack's {@code expects} names a subset. */
public enum ContractArea {
    GRAFANA, PROMETHEUS, EXPORTERS;

    /** As written in the contract: grafana, prometheus, exporters. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
