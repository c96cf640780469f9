package com.peaktrade.obs.contract;

import java.util.List;
import java.util.Optional;

/**
 * A datasource Grafana must have provisioned.
 *
 * @param uid       the uid; during a uid migration {@code aliases} are accepted as well, in any order
 * @param name      the name it must have, when given
 * @param isDefault whether it is the org's default (at most one datasource of a contract is)
 * @param optional  missing or unhealthy is a WARN, never a FAIL
 * @param type      the plugin type it must have (e.g. prometheus), when given
 * @param url       the URL it must be configured with, as Grafana's container sees it, when given
 */
public record ExpectedDatasource(String uid, List<String> aliases, Optional<String> name, boolean isDefault,
        boolean optional, Optional<String> type, Optional<String> url, Where where) {

    public ExpectedDatasource {
        aliases = List.copyOf(aliases);
    }

    /** True when {@code candidate} is this datasource's uid or one of its aliases. */
    public boolean matches(String candidate) {
        return uid.equals(candidate) || aliases.contains(candidate);
    }
}
