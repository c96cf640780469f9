package com.peaktrade.obs.cli;

import com.peaktrade.obs.stack.AccessOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Credential and TLS options of the commands that talk to Prometheus, Grafana or an exporter (a
 * picocli mixin). Secrets come only from files or the environment, never from an option's value,
 * so they stay out of shell history and process lists. The precedence is {@code CredentialSources}'.
 */
final class SecurityOptions {
    @Option(names = "--cacert", paramLabel = "FILE",
            description = "PEM file with the CA(s) to trust for https, instead of the JDK trust store (also SSL_CERT_FILE).")
    Path caCert;

    @Option(names = "--client-cert", paramLabel = "FILE", description = "PEM client certificate for mutual TLS (with --client-key).")
    Path clientCert;

    @Option(names = "--client-key", paramLabel = "FILE", description = "PEM private key of --client-cert (unencrypted).")
    Path clientKey;

    @Option(names = "--insecure-skip-verify",
            description = "Do not verify https certificates or host names (every report says so). Only to try things out.")
    boolean insecureSkipVerify;

    @Option(names = "--grafana-token-file", paramLabel = "FILE",
            description = "File with a Grafana service-account token (also GRAFANA_TOKEN).")
    Path grafanaTokenFile;

    @Option(names = "--grafana-user", paramLabel = "USER",
            description = "Grafana user for basic auth (default: the user of GRAFANA_AUTH, GF_SECURITY_ADMIN_USER, "
                    + "GRAFANA_ADMIN_USER, the running container's, admin).")
    String grafanaUser;

    @Option(names = "--grafana-password-file", paramLabel = "FILE",
            description = "File with the Grafana password (else GRAFANA_TOKEN, GRAFANA_AUTH=user:pass, GF_SECURITY_ADMIN_PASSWORD, "
                    + "GRAFANA_ADMIN_PASSWORD, the password `up` stored, the running container's; no admin/admin default).")
    Path grafanaPasswordFile;

    @Option(names = "--grafana-org", paramLabel = "ID",
            description = "Grafana organization id to act in, sent as X-Grafana-Org-Id (also GRAFANA_ORG_ID).")
    String grafanaOrg;

    @Option(names = "--prometheus-token-file", paramLabel = "FILE",
            description = "File with a bearer token for Prometheus (also PROM_TOKEN).")
    Path prometheusTokenFile;

    @Option(names = "--prometheus-user", paramLabel = "USER", description = "Prometheus basic-auth user (with --prometheus-password-file; also PROM_AUTH=user:pass).")
    String prometheusUser;

    @Option(names = "--prometheus-password-file", paramLabel = "FILE", description = "File with the Prometheus basic-auth password.")
    Path prometheusPasswordFile;

    /** The options as core code takes them. */
    AccessOptions access() {
        return new AccessOptions(caCert, clientCert, clientKey, insecureSkipVerify, grafanaTokenFile, grafanaUser,
                grafanaPasswordFile, grafanaOrg, prometheusTokenFile, prometheusUser, prometheusPasswordFile);
    }
}
