package com.peaktrade.obs.cli;

import com.peaktrade.obs.stack.EndpointResolver;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --grafana-user and --grafana-password-file, for the commands that sign in to Grafana (verify, contract init). */
final class GrafanaLoginOptions {
    @Option(names = "--grafana-user", paramLabel = "USER",
            description = "Grafana user (default: GRAFANA_ADMIN_USER, else the running container's, else admin).")
    String user;

    @Option(names = "--grafana-password-file", paramLabel = "FILE",
            description = "File with the Grafana password (default: GRAFANA_AUTH=user:pass, GRAFANA_ADMIN_PASSWORD, the "
                    + "running container's, admin).")
    Path passwordFile;

    EndpointResolver.LoginOptions value() {
        return new EndpointResolver.LoginOptions(user, passwordFile);
    }
}
