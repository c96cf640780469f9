package com.peaktrade.obs.cli;

import com.peaktrade.obs.contract.StackService.Role;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * --prometheus-url, --grafana-url and --exporter-url, for every command that talks to a stack's
 * services; {@link PrometheusUrl} alone for the commands that only ask Prometheus. What is not
 * given is resolved by {@link com.peaktrade.obs.stack.EndpointResolver} (docs/checks.md, "Where the
 * checks look"). Credentials and TLS are separate options.
 */
final class EndpointOptions {
    @Mixin
    PrometheusUrl prometheus;

    @Option(names = "--grafana-url", paramLabel = "URL",
            description = "Grafana base URL, e.g. http://127.0.0.1:3000 (also GRAFANA_URL; default: the project's published "
                    + "port; verify, where there is none, tries 127.0.0.1 with PEAKTRADE_OBS_GRAFANA_PORT or 3000 and says so).")
    String grafanaUrl;

    @Option(names = "--exporter-url", paramLabel = "URL",
            description = "Exporter /metrics URL, e.g. http://127.0.0.1:9109/metrics (also EXPORTER_URL; default: the "
                    + "project's published port; verify, where there is none, tries PEAKTRADE_OBS_EXPORTER_PORT or 9109).")
    String exporterUrl;

    /** The roles these options name. */
    Set<Role> roles() {
        return EnumSet.allOf(Role.class);
    }

    /** Role → URL as given (absent when not given). */
    Map<Role, String> urls() {
        Map<Role, String> urls = new EnumMap<>(prometheus.urls());
        put(urls, Role.GRAFANA, grafanaUrl);
        put(urls, Role.EXPORTER, exporterUrl);
        return urls;
    }

    private static void put(Map<Role, String> urls, Role role, String url) {
        if (url != null) {
            urls.put(role, url);
        }
    }

    /** --prometheus-url alone. */
    static final class PrometheusUrl {
        @Option(names = "--prometheus-url", paramLabel = "URL",
                description = "Prometheus base URL, e.g. http://127.0.0.1:9092 (also PROM_URL; default: the project's "
                        + "published port; verify, where there is none, tries 127.0.0.1 with PEAKTRADE_OBS_PROMETHEUS_PORT "
                        + "or 9092 and says so).")
        String url;

        Set<Role> roles() {
            return EnumSet.of(Role.PROMETHEUS);
        }

        Map<Role, String> urls() {
            Map<Role, String> urls = new EnumMap<>(Role.class);
            put(urls, Role.PROMETHEUS, url);
            return urls;
        }
    }
}
