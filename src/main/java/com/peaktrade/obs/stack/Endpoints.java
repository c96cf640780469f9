package com.peaktrade.obs.stack;

import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.contract.StackService.Role;
import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command's resolved endpoints: one per role the stack has (or the user gave a URL for), each
 * with its origin, and for the roles the running project could not place, why not.
 *
 * @param project     the compose project looked at; null in URL mode
 * @param stack       the stack resolved for; null in URL mode without one (then only given URLs)
 * @param unavailable role → why the project gives no URL for it (e.g. "container p-grafana-1 is exited (exit code 137)")
 */
public record Endpoints(String project, StackDefinition stack, Map<Role, Endpoint> byRole, Map<Role, String> unavailable,
        EndpointAccess access) {

    public Endpoints {
        byRole = byRole.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byRole));
        unavailable = unavailable.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(unavailable));
    }

    /** The role's endpoint, defaulted ones included (verify checks those, naming them). */
    public Optional<Endpoint> get(Role role) {
        return Optional.ofNullable(byRole.get(role));
    }

    /**
     * The role's endpoint when it was given or found published; a default is no answer here. For the
     * troubleshooting commands, which never probe a guess (the default port may be another stack's).
     */
    public Optional<Endpoint> found(Role role) {
        return get(role).filter(e -> !e.defaulted());
    }

    /** The role's URL, defaulted ones included; null when there is none. */
    public URI url(Role role) {
        return get(role).map(Endpoint::url).orElse(null);
    }

    /** Why there is no found endpoint for the role, or {@code otherwise} when nobody said. */
    public String whyNone(Role role, String otherwise) {
        return unavailable.getOrDefault(role, otherwise);
    }

    /** One line per defaulted endpoint, for the report's notes. */
    public List<String> defaultedNotes() {
        return byRole.values().stream().filter(Endpoint::defaulted).map(Endpoint::describe).toList();
    }

    /** The view the verify checks work with. */
    public VerifyTargets verifyTargets() {
        Map<Role, String> defaulted = new LinkedHashMap<>();
        byRole.values().stream().filter(Endpoint::defaulted).forEach(e -> defaulted.put(e.role(), e.from()));
        boolean published = byRole.values().stream().anyMatch(e -> e.origin() == Endpoint.Origin.PUBLISHED);
        return new VerifyTargets(url(Role.PROMETHEUS), url(Role.GRAFANA), url(Role.EXPORTER),
                access, project,
                published ? "published ports of project " + project : "options/environment/defaults", defaulted);
    }
}
