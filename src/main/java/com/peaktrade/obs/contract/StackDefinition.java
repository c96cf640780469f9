package com.peaktrade.obs.contract;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One stack of the contract: a command group ({@code peaktrade-obs NAME up|verify|down|status}).
 *
 * @param description  one line for the command group's help, if given
 * @param project      the default compose project name
 * @param compose      compose files in -f order, as written: relative to the contract file's directory
 *                     (for the embedded contract: to the assets directory)
 * @param services     which compose service is the stack's Prometheus, Grafana and exporter
 * @param expects      the contract areas verify checks on this stack (all three unless the stack says)
 * @param grafanaQuery the query verify sends through Grafana on this stack, replacing grafana.query
 */
public record StackDefinition(String name, Optional<String> description, String project, List<String> compose,
        Map<StackService.Role, StackService> services, Set<ContractArea> expects, Optional<GrafanaQuery> grafanaQuery,
        Where where) {

    public StackDefinition {
        compose = List.copyOf(compose);
        services = services.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(services));
        expects = expects.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(expects));
    }

    public Optional<StackService> service(StackService.Role role) {
        return Optional.ofNullable(services.get(role));
    }

    public boolean expects(ContractArea area) {
        return expects.contains(area);
    }
}
