package com.peaktrade.obs.stack;

import java.nio.file.Path;

/**
 * The credential and TLS options of a command that talks to Prometheus, Grafana or an exporter,
 * as given on the command line (null/false = not given). {@link CredentialSources} turns them,
 * with the environment, into what each client sends.
 */
public record AccessOptions(Path caCert, Path clientCert, Path clientKey, boolean insecureSkipVerify,
        Path grafanaTokenFile, String grafanaUser, Path grafanaPasswordFile, String grafanaOrg,
        Path prometheusTokenFile, String prometheusUser, Path prometheusPasswordFile) {

    /** Nothing given: environment, project and defaults decide. */
    public static final AccessOptions NONE = new AccessOptions(null, null, null, false, null, null, null, null, null, null,
            null);

    /** Only Grafana basic auth options (the older commands' --grafana-user/--grafana-password-file). */
    public static AccessOptions grafanaBasic(String user, Path passwordFile) {
        return new AccessOptions(null, null, null, false, null, user, passwordFile, null, null, null, null);
    }
}
