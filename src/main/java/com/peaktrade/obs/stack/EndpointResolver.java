package com.peaktrade.obs.stack;

import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.contract.StackService;
import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.error.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one answer to "where is Prometheus / Grafana / the exporter, and who do we sign in as", for
 * every command that talks HTTP (verify, debug, app verify, prometheus reload, contract init).
 * Per role, the first that applies (docs/checks.md, "Where the checks look"):
 * <ol>
 * <li>the option ({@code --prometheus-url}, {@code --grafana-url}, {@code --exporter-url});</li>
 * <li>the old scripts' variable ({@code PROM_URL}, {@code GRAFANA_URL}, {@code EXPORTER_URL});</li>
 * <li>the running project's published port for the stack's service (contract: service and port);</li>
 * <li>a default: 127.0.0.1 (or {@code PEAKTRADE_OBS_BIND}) with the service's port variable or its
 * default host port. Marked {@link Endpoint.Origin#DEFAULTED}: verify checks it and says so,
 * the troubleshooting commands say why there is none instead.</li>
 * </ol>
 * Credentials, TLS and proxy of every endpoint: {@link CredentialSources} (its documented
 * precedence; no admin/admin default), with a project's stored admin password and its Grafana
 * container's environment as the last sources.
 */
public final class EndpointResolver {
    /**
     * What the command was given.
     *
     * @param stack   the stack whose services are resolved; null: only the roles a URL was given for
     * @param project the compose project to read published ports from; null in URL mode
     * @param urls    role → URL as given on the command line (absent = not given)
     * @param access  the credential and TLS options as given; null for none
     */
    public record Request(StackDefinition stack, String project, Map<Role, String> urls, AccessOptions access) {
        public Request {
            urls = urls.isEmpty() ? Map.of() : Map.copyOf(urls);
        }
    }

    private EndpointResolver() {
    }

    /**
     * True when a URL is given for one of the roles a command asks about ({@code asked}), as an
     * option or as the old scripts' variable: URL mode unless -p says otherwise.
     */
    public static boolean anyUrl(Set<Role> asked, Map<Role, String> urls, Map<String, String> env) {
        for (Role role : asked) {
            if (!blank(urls.get(role)) || !blank(env.get(Endpoint.variable(role)))) {
                return true;
            }
        }
        return false;
    }

    public static Endpoints resolve(Request request, Map<String, String> env, RunningProject running) {
        Map<Role, Endpoint> byRole = new EnumMap<>(Role.class);
        Map<Role, String> unavailable = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Optional<StackService> service = request.stack() == null ? Optional.empty() : request.stack().service(role);
            resolve(role, service, request, env, running, unavailable).ifPresent(e -> byRole.put(role, e));
        }
        EndpointAccess access = access(request, env, running);
        byRole.replaceAll((role, e) -> e.withAccess(access.of(role)));
        return new Endpoints(request.project(), request.stack(), byRole, unavailable, access);
    }

    private static Optional<StackService> service(Request request, Role role) {
        return request.stack() == null ? Optional.empty() : request.stack().service(role);
    }

    private static Optional<Endpoint> resolve(Role role, Optional<StackService> service, Request request,
            Map<String, String> env, RunningProject running, Map<Role, String> unavailable) {
        String option = Endpoint.option(role);
        String given = request.urls().get(role);
        if (!blank(given)) {
            return Optional.of(new Endpoint(role, parse(option, given), Endpoint.Origin.OPTION, option));
        }
        String variable = Endpoint.variable(role);
        if (!blank(env.get(variable))) {
            return Optional.of(new Endpoint(role, parse(option + " (from the environment)", env.get(variable)),
                    Endpoint.Origin.ENVIRONMENT, variable));
        }
        if (service.isEmpty()) {
            return Optional.empty();
        }
        StackService s = service.get();
        String why = "no " + option;
        if (request.project() != null) {
            Optional<String> published = running.published(s.service(), s.port());
            if (published.isPresent()) {
                String hostPort = published.get().replaceFirst("^0\\.0\\.0\\.0:", "127.0.0.1:");
                return Optional.of(new Endpoint(role, URI.create("http://" + hostPort + s.path()), Endpoint.Origin.PUBLISHED,
                        "project " + request.project() + "'s published port"));
            }
            Optional<String> absence = running.absence(s.service(), s.port());
            absence.ifPresent(a -> unavailable.put(role, a));
            why += absence.map(a -> ", and " + a).orElse(" and no port published by project " + request.project());
        }
        String portVariable = s.hostPortEnv().orElse(null);
        String port = Integer.toString(s.hostPort().orElse(s.port()));
        if (portVariable != null && !blank(env.get(portVariable))) {
            port = env.get(portVariable).strip();
        }
        String bind = env.getOrDefault(StackSettings.BIND, "127.0.0.1");
        String host = bind.isBlank() || bind.equals("0.0.0.0") ? "127.0.0.1" : bind.strip();
        URI url = parse(portVariable == null ? option : portVariable, "http://" + host + ":" + port + s.path());
        return Optional.of(new Endpoint(role, url, Endpoint.Origin.DEFAULTED, why));
    }

    /** An http(s) URL given as {@code what}. Malformed, or with credentials in it: exit 2. */
    public static URI parse(String what, String text) {
        try {
            URI uri = new URI(text.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(text, "expected http(s)://HOST[:PORT][/PATH]");
            }
            if (uri.getUserInfo() != null) {
                throw new ConfigException(what + ": credentials in the URL are not accepted (they would show up in output)",
                        "use --grafana-user and --grafana-password-file, or GRAFANA_AUTH");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(what + ": invalid URL '" + text + "'", "use e.g. http://127.0.0.1:9092");
        }
    }

    /** A project's stored admin password and its Grafana container's environment are sources too. */
    private static EndpointAccess access(Request request, Map<String, String> env, RunningProject running) {
        var secrets = CredentialSources.ProjectSecrets.NONE;
        if (request.project() != null) {
            String grafanaService = service(request, Role.GRAFANA).map(StackService::service).orElse("grafana");
            secrets = new CredentialSources.ProjectSecrets(Optional.of(AdminPasswordFile.of(env, request.project())),
                    running.environment(grafanaService));
        }
        return CredentialSources.resolve(request.access() == null ? AccessOptions.NONE : request.access(), env, secrets);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
