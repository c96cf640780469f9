package com.peaktrade.obs.stack;

import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.http.BasicCredentials;
import com.peaktrade.obs.http.BearerToken;
import com.peaktrade.obs.http.ConnectionSettings;
import com.peaktrade.obs.http.Credentials;
import com.peaktrade.obs.http.EnvironmentProxy;
import com.peaktrade.obs.http.TlsSettings;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which credentials verify sends to Grafana, Prometheus and the exporter, and how https is trusted.
 * The first source that is set wins (options before the environment, explicit before found):
 *
 * <p>Grafana: {@code --grafana-token-file}; {@code --grafana-password-file} (user from
 * {@code --grafana-user}, else the environment's user, else admin); {@code GRAFANA_TOKEN};
 * {@code GRAFANA_AUTH=user:pass}; {@code GF_SECURITY_ADMIN_USER}/{@code GF_SECURITY_ADMIN_PASSWORD};
 * {@code GRAFANA_ADMIN_USER}/{@code GRAFANA_ADMIN_PASSWORD}; for a local project the password
 * {@code up} stored for it, else the one its running Grafana container was started with; else none
 * (there is no admin/admin default). {@code --grafana-user} replaces the user of any basic source.
 * {@code --grafana-org} (or {@code GRAFANA_ORG_ID}) is sent as {@code X-Grafana-Org-Id}.
 *
 * <p>Prometheus: {@code --prometheus-token-file}; {@code --prometheus-user} +
 * {@code --prometheus-password-file}; {@code PROM_TOKEN}; {@code PROM_AUTH=user:pass}; else none.
 * Exporter: {@code EXPORTER_TOKEN}; {@code EXPORTER_AUTH=user:pass}; else none.
 *
 * <p>TLS: the JDK trust store, or only the CA in {@code --cacert} (else {@code SSL_CERT_FILE});
 * {@code --client-cert}/{@code --client-key}; {@code --insecure-skip-verify} only when given.
 * Proxies: {@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY}.
 */
public final class CredentialSources {
    public static final String GRAFANA_TOKEN = "GRAFANA_TOKEN";
    public static final String GRAFANA_AUTH = "GRAFANA_AUTH";
    public static final String GRAFANA_ORG_ID = "GRAFANA_ORG_ID";
    public static final String PROM_TOKEN = "PROM_TOKEN";
    public static final String PROM_AUTH = "PROM_AUTH";
    public static final String EXPORTER_TOKEN = "EXPORTER_TOKEN";
    public static final String EXPORTER_AUTH = "EXPORTER_AUTH";
    public static final String SSL_CERT_FILE = "SSL_CERT_FILE";
    static final String ORG_HEADER = "X-Grafana-Org-Id";
    private static final String DEFAULT_USER = "admin";

    /** What a local project offers: the password up stored for it, the running Grafana's environment. */
    public record ProjectSecrets(Optional<AdminPasswordFile> stored, Map<String, String> grafanaContainerEnv) {
        public static final ProjectSecrets NONE = new ProjectSecrets(Optional.empty(), Map.of());
    }

    private CredentialSources() {
    }

    public static EndpointAccess resolve(AccessOptions options, Map<String, String> env, ProjectSecrets project) {
        TlsSettings tls = tls(options, env);
        Optional<ProxySelector> proxy = EnvironmentProxy.of(env);
        ConnectionSettings base = new ConnectionSettings(null, tls, proxy.orElse(null), Map.of());
        Access grafana = withOrg(grafana(options, env, project, base), options, env);
        Access prometheus = prometheus(options, env, base);
        Access exporter = basicOrToken(env, EXPORTER_TOKEN, EXPORTER_AUTH, base);
        return new EndpointAccess(grafana, prometheus, exporter, tls,
                proxy.map(p -> ((EnvironmentProxy) p).describe()).orElse(null));
    }

    static TlsSettings tls(AccessOptions options, Map<String, String> env) {
        Path ca = options.caCert();
        String caSource = "--cacert";
        if (ca == null && isSet(env.get(SSL_CERT_FILE))) {
            ca = Path.of(env.get(SSL_CERT_FILE));
            caSource = SSL_CERT_FILE;
        }
        if (options.insecureSkipVerify() && options.caCert() != null) {
            throw new ConfigException("--insecure-skip-verify and --cacert contradict each other",
                    "keep --cacert FILE: it checks the certificates against your CA");
        }
        return new TlsSettings(options.insecureSkipVerify() ? null : ca, caSource, options.clientCert(), options.clientKey(),
                options.insecureSkipVerify());
    }

    private static Access grafana(AccessOptions o, Map<String, String> env, ProjectSecrets project, ConnectionSettings base) {
        if (o.grafanaTokenFile() != null && o.grafanaPasswordFile() != null) {
            throw new ConfigException("--grafana-token-file and --grafana-password-file both given",
                    "give one: a service-account token, or a user and password");
        }
        if (o.grafanaTokenFile() != null) {
            return access(base, token(o.grafanaTokenFile(), "Grafana token"), "--grafana-token-file " + o.grafanaTokenFile());
        }
        if (o.grafanaPasswordFile() != null) {
            String user = firstSet(o.grafanaUser(), env.get(StackSettings.GF_ADMIN_USER), env.get(StackSettings.ADMIN_USER),
                    DEFAULT_USER);
            return access(base, new BasicCredentials(user, StackSettings.readPassword(o.grafanaPasswordFile())),
                    "--grafana-password-file " + o.grafanaPasswordFile());
        }
        if (isSet(env.get(GRAFANA_TOKEN))) {
            return access(base, new BearerToken(env.get(GRAFANA_TOKEN)), GRAFANA_TOKEN);
        }
        if (isSet(env.get(GRAFANA_AUTH))) {
            return access(base, userPass(GRAFANA_AUTH, env.get(GRAFANA_AUTH), o.grafanaUser()), GRAFANA_AUTH);
        }
        for (String[] pair : new String[][] {{StackSettings.GF_ADMIN_USER, StackSettings.GF_ADMIN_PASSWORD},
            {StackSettings.ADMIN_USER, StackSettings.ADMIN_PASSWORD}}) {
            String password = env.get(pair[1]);
            if (password != null && !password.isEmpty()) {
                return access(base, new BasicCredentials(firstSet(o.grafanaUser(), env.get(pair[0]), DEFAULT_USER), password),
                        pair[1]);
            }
        }
        Map<String, String> container = project.grafanaContainerEnv();
        String user = firstSet(o.grafanaUser(), env.get(StackSettings.GF_ADMIN_USER), env.get(StackSettings.ADMIN_USER),
                container.get(StackSettings.GF_ADMIN_USER), DEFAULT_USER);
        Optional<String> stored = project.stored().flatMap(AdminPasswordFile::read);
        if (stored.isPresent()) {
            return access(base, new BasicCredentials(user, stored.get()), project.stored().get().path().toString());
        }
        String started = container.get(StackSettings.GF_ADMIN_PASSWORD);
        if (started != null && !started.isEmpty()) {
            return access(base, new BasicCredentials(user, started), "the running Grafana container's environment");
        }
        return new Access(base, null);
    }

    private static Access withOrg(Access grafana, AccessOptions o, Map<String, String> env) {
        String org = firstSet(o.grafanaOrg(), env.get(GRAFANA_ORG_ID), null);
        if (org == null) {
            return grafana;
        }
        if (!org.strip().matches("[1-9][0-9]{0,9}")) {
            throw new ConfigException("--grafana-org must be a numeric organization id, got '" + org + "'",
                    "look the id up in Grafana under Administration → Organizations (the Main Org. is 1)");
        }
        return new Access(grafana.settings().withHeader(ORG_HEADER, org.strip()), grafana.source());
    }

    private static Access prometheus(AccessOptions o, Map<String, String> env, ConnectionSettings base) {
        if (o.prometheusTokenFile() != null && o.prometheusPasswordFile() != null) {
            throw new ConfigException("--prometheus-token-file and --prometheus-password-file both given",
                    "give one: a bearer token, or a user and password");
        }
        if (o.prometheusTokenFile() != null) {
            return access(base, token(o.prometheusTokenFile(), "Prometheus token"),
                    "--prometheus-token-file " + o.prometheusTokenFile());
        }
        if (o.prometheusPasswordFile() != null) {
            if (!isSet(o.prometheusUser())) {
                throw new ConfigException("--prometheus-password-file needs --prometheus-user",
                        "give the user: --prometheus-user NAME");
            }
            return access(base, new BasicCredentials(o.prometheusUser(),
                    StackSettings.readSecret(o.prometheusPasswordFile(), "Prometheus password")),
                    "--prometheus-password-file " + o.prometheusPasswordFile());
        }
        if (isSet(o.prometheusUser())) {
            throw new ConfigException("--prometheus-user needs --prometheus-password-file",
                    "give the password in a file: --prometheus-password-file FILE");
        }
        return basicOrToken(env, PROM_TOKEN, PROM_AUTH, base);
    }

    private static Access basicOrToken(Map<String, String> env, String tokenVariable, String authVariable,
            ConnectionSettings base) {
        if (isSet(env.get(tokenVariable))) {
            return access(base, new BearerToken(env.get(tokenVariable)), tokenVariable);
        }
        if (isSet(env.get(authVariable))) {
            return access(base, userPass(authVariable, env.get(authVariable), null), authVariable);
        }
        return new Access(base, null);
    }

    private static Access access(ConnectionSettings base, Credentials credentials, String source) {
        return new Access(base.withCredentials(credentials), source);
    }

    private static BasicCredentials userPass(String variable, String value, String userOverride) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new ConfigException(variable + " must be user:password (it is set, but not in that form)",
                    "e.g. " + variable + "=ci:secret, or pass a password file");
        }
        return new BasicCredentials(isSet(userOverride) ? userOverride : value.substring(0, colon), value.substring(colon + 1));
    }

    private static BearerToken token(Path file, String what) {
        String token = StackSettings.readSecret(file, what);
        if (token.strip().contains(" ") || token.strip().contains("\n")) {
            throw new ConfigException("the " + what + " file " + file + " holds more than one word",
                    "write the token alone on one line");
        }
        return new BearerToken(token);
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (isSet(v)) {
                return v;
            }
        }
        return null;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
