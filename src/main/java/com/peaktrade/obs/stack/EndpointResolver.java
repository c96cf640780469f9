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
 * Grafana's login, when the command signs in: --grafana-user/--grafana-password-file, else
 * GRAFANA_AUTH=user:pass, else GRAFANA_ADMIN_USER/GRAFANA_ADMIN_PASSWORD, else what the running
 * Grafana container was started with, else admin/admin.
 */
public final class EndpointResolver {
    /**
     * What the command was given.
     *
     * @param stack   the stack whose services are resolved; null: only the roles a URL was given for
     * @param project the compose project to read published ports from; null in URL mode
     * @param urls    role → URL as given on the command line (absent = not given)
     * @param login   the login options when the command signs in to Grafana; null when it does not
     */
    public record Request(StackDefinition stack, String project, Map<Role, String> urls, LoginOptions login) {
        public Request {
            urls = urls.isEmpty() ? Map.of() : Map.copyOf(urls);
        }
    }

    /** --grafana-user and --grafana-password-file as given (null = not given). */
    public record LoginOptions(String user, Path passwordFile) {
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
        if (request.login() != null && byRole.containsKey(Role.GRAFANA)) {
            String grafanaService = service(request, Role.GRAFANA).map(StackService::service).orElse("grafana");
            byRole.put(Role.GRAFANA, byRole.get(Role.GRAFANA).withLogin(login(request.login(), env,
                    request.project() == null ? RunningProject.NONE : running, grafanaService)));
        }
        return new Endpoints(request.project(), request.stack(), byRole, unavailable);
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

    private static Login login(LoginOptions options, Map<String, String> env, RunningProject running, String grafanaService) {
        if (options.passwordFile() != null) {
            String user = !blank(options.user()) ? options.user()
                    : env.getOrDefault(StackSettings.ADMIN_USER, StackSettings.DEFAULT_ADMIN);
            return new Login(user, StackSettings.readPassword(options.passwordFile()),
                    "--grafana-password-file " + options.passwordFile());
        }
        String auth = env.get("GRAFANA_AUTH");
        if (!blank(auth)) {
            int colon = auth.indexOf(':');
            if (colon <= 0 || colon == auth.length() - 1) {
                throw new ConfigException("GRAFANA_AUTH must be user:password (it is set, but not in that form)",
                        "e.g. GRAFANA_AUTH=admin:secret, or use --grafana-user and --grafana-password-file");
            }
            return new Login(options.user() != null ? options.user() : auth.substring(0, colon), auth.substring(colon + 1),
                    "GRAFANA_AUTH");
        }
        String password = env.get(StackSettings.ADMIN_PASSWORD);
        if (password != null && !password.isEmpty()) {
            return new Login(user(options, env, Map.of()), password, "environment variable " + StackSettings.ADMIN_PASSWORD);
        }
        Map<String, String> container = running.environment(grafanaService);
        String started = container.get("GF_SECURITY_ADMIN_PASSWORD");
        if (started != null && !started.isEmpty()) {
            return new Login(user(options, env, container), started, "the running Grafana container's environment");
        }
        return new Login(user(options, env, container), StackSettings.DEFAULT_ADMIN, "local default (admin/admin)");
    }

    private static String user(LoginOptions options, Map<String, String> env, Map<String, String> container) {
        if (!blank(options.user())) {
            return options.user();
        }
        String user = env.get(StackSettings.ADMIN_USER);
        if (!blank(user)) {
            return user;
        }
        return container.getOrDefault("GF_SECURITY_ADMIN_USER", StackSettings.DEFAULT_ADMIN);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
