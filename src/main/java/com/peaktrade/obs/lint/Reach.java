package com.peaktrade.obs.lint;

import com.peaktrade.obs.compose.PortSpec;
import com.peaktrade.obs.compose.ServiceSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Judges an address a container uses (a scrape target, a datasource URL) against the stack: is it
 * the container itself, a host-mapped port of the stack, or a name nobody resolves? Returns why it
 * is wrong, or empty.
 */
final class Reach {
    enum Problem { LOCALHOST, HOSTPORT, UNKNOWN_HOST }

    record Verdict(Problem problem, String message) {
    }

    private Reach() {
    }

    static Optional<Verdict> judge(String host, int port, StackModel stack, String who) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]") || h.equals("0.0.0.0")) {
            return Optional.of(new Verdict(Problem.LOCALHOST, host + " inside the " + who
                    + " container is that container itself, not the host or another service"));
        }
        if (stack == null) {
            return Optional.empty();
        }
        if (h.equals(StackModel.HOST_GATEWAY_NAME) && port > 0) {
            Optional<Map.Entry<ServiceSpec, PortSpec>> pub = stack.publishing(port);
            if (pub.isPresent()) {
                ServiceSpec s = pub.get().getKey();
                return Optional.of(new Verdict(Problem.HOSTPORT, "port " + port + " is the host port that the stack's "
                        + s.name() + " publishes (→ " + pub.get().getValue().target() + "); inside the network use "
                        + s.name() + ":" + pub.get().getValue().target()));
            }
            return Optional.empty();
        }
        if (stack.hasService(host)) {
            var containerPorts = stack.containerPorts(host);
            if (port > 0 && !containerPorts.isEmpty() && !containerPorts.contains(port)) {
                Optional<Map.Entry<ServiceSpec, PortSpec>> pub = stack.publishing(port);
                String why = pub.isPresent() && pub.get().getKey().name().equals(host)
                        ? "port " + port + " is " + host + "'s host-mapped port; its container port is "
                                + pub.get().getValue().target()
                        : host + " listens on " + containerPorts + " in the network, not " + port;
                return Optional.of(new Verdict(Problem.HOSTPORT, why));
            }
            return Optional.empty();
        }
        boolean ip = h.matches("[0-9.]+") || h.contains(":") || h.startsWith("[");
        if (!ip && !h.contains(".") && !h.contains("$")) {
            return Optional.of(new Verdict(Problem.UNKNOWN_HOST, host + " is not a service of the stack ("
                    + String.join(", ", stack.serviceNames()) + ") and not a domain name"));
        }
        return Optional.empty();
    }
}
