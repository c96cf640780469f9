package com.peaktrade.obs.stack;

import com.peaktrade.obs.contract.StackDefinition;
import com.peaktrade.obs.contract.StackService;
import com.peaktrade.obs.contract.StackService.Role;
import com.peaktrade.obs.error.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * Finds verify's URLs and Grafana credentials. Per URL: the option, else the old scripts'
 * variable (PROM_URL, GRAFANA_URL, EXPORTER_URL), else the running project's published port, else
 * 127.0.0.1 with the PEAKTRADE_OBS_*_PORT default. Credentials and TLS: {@link CredentialSources}.
 */
public final class TargetResolver {
    /** Options as given on the command line (null = not given). */
    public record Request(StackDefinition stack, String prometheusUrl, String grafanaUrl, String exporterUrl,
            AccessOptions access) {
    }

    private TargetResolver() {
    }

    public static VerifyTargets resolve(Request request, Map<String, String> env, String project, RunningProject running) {
        StackDefinition stack = request.stack();
        URI prometheus = url("--prometheus-url", request.prometheusUrl(), env.get("PROM_URL"), stack, Role.PROMETHEUS,
                running, env);
        URI grafana = url("--grafana-url", request.grafanaUrl(), env.get("GRAFANA_URL"), stack, Role.GRAFANA, running, env);
        URI exporter = stack.service(Role.EXPORTER).isPresent() || request.exporterUrl() != null
                ? url("--exporter-url", request.exporterUrl(), env.get("EXPORTER_URL"), stack, Role.EXPORTER, running, env)
                : null;
        boolean fromProject = request.prometheusUrl() == null && env.get("PROM_URL") == null
                && stack.service(Role.PROMETHEUS).flatMap(s -> running.published(s.service(), s.port())).isPresent();
        Map<String, String> grafanaEnv = running.environment(
                stack.service(Role.GRAFANA).map(StackService::service).orElse("grafana"));
        var secrets = new CredentialSources.ProjectSecrets(
                Optional.ofNullable(project).map(p -> AdminPasswordFile.of(env, p)), grafanaEnv);
        EndpointAccess access = CredentialSources.resolve(request.access(), env, secrets);
        return new VerifyTargets(prometheus, grafana, exporter, access, project,
                fromProject ? "published ports of project " + project : "options/environment/defaults");
    }

    /** The role's URL: the option, else the old scripts' variable, else the published port, else the default. */
    private static URI url(String option, String explicit, String legacyEnv, StackDefinition stack, Role role,
            RunningProject running, Map<String, String> env) {
        StackService s = stack.service(role).orElse(null);
        if (s == null) {
            // URL mode without such a service in the stack: the option or the variable, else nothing to check
            return explicit != null || legacyEnv != null ? url(option, explicit, legacyEnv, Optional.empty(), env, null, 0, "")
                    : null;
        }
        return url(option, explicit, legacyEnv, running.published(s.service(), s.port()), env,
                s.hostPortEnv().orElse(null), s.hostPort().orElse(s.port()), s.path());
    }

    private static URI url(String option, String explicit, String legacyEnv, Optional<String> published,
            Map<String, String> env, String portVariable, int defaultPort, String path) {
        if (explicit != null && !explicit.isBlank()) {
            return parse(option, explicit);
        }
        if (legacyEnv != null && !legacyEnv.isBlank()) {
            return parse(option + " (from the environment)", legacyEnv);
        }
        if (published.isPresent()) {
            String hostPort = published.get().replaceFirst("^0\\.0\\.0\\.0:", "127.0.0.1:");
            return URI.create("http://" + hostPort + path);
        }
        String port = portVariable == null ? Integer.toString(defaultPort)
                : env.getOrDefault(portVariable, Integer.toString(defaultPort));
        String bind = env.getOrDefault(StackSettings.BIND, "127.0.0.1");
        String host = bind.isBlank() || bind.equals("0.0.0.0") ? "127.0.0.1" : bind;
        return parse(portVariable == null ? option : portVariable, "http://" + host + ":" + port + path);
    }

    static URI parse(String what, String text) {
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

}
