package com.peaktrade.obs.compose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Short port syntax {@code [ip:][host[-range]:]container[-range][/proto]} (IPv6 as {@code [::1]}),
 * expanded to one {@link PortSpec} per container port. Errors are IllegalArgumentExceptions with
 * docker's wording; the caller adds file and line.
 */
final class PortSyntax {
    static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[\\w.]+)?");

    private PortSyntax() {
    }

    static List<PortSpec> parse(String spec) {
        String rest = spec;
        String protocol = "tcp";
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = protocol(rest.substring(slash + 1));
            rest = rest.substring(0, slash);
        }
        String[] parts = rest.split(":", -1);
        int n = parts.length;
        String container = parts[n - 1];
        String host = n >= 2 ? parts[n - 2] : "";
        String ip = n >= 3 ? String.join(":", Arrays.copyOf(parts, n - 2)) : "";
        ip = hostIp(ip);
        if (container.isEmpty()) {
            throw new IllegalArgumentException("no port specified: " + spec + "<empty>");
        }
        int[] containerRange = range(container, "containerPort");
        int[] hostRange = host.isEmpty() ? null : range(host, "hostPort");
        int count = containerRange[1] - containerRange[0];
        if (hostRange != null && hostRange[1] - hostRange[0] != count && count != 0) {
            throw new IllegalArgumentException("invalid ranges specified for container and host Ports: " + container + " and " + host);
        }
        List<PortSpec> ports = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            String published = hostRange == null ? ""
                    : count == 0 ? host
                    : String.valueOf(hostRange[0] + i);
            ports.add(new PortSpec(ip, published, containerRange[0] + i, protocol));
        }
        // compose-go lists a range in the order of its map keys "<port>/<proto>" sorted as text
        // (998-1001 gives 1000, 1001, 998, 999); the order is part of the config hash
        ports.sort(Comparator.comparing(port -> Integer.toString(port.target())));
        return ports;
    }

    static String protocol(String protocol) {
        String lower = protocol.toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(lower)) {
            throw new IllegalArgumentException("invalid proto: " + protocol);
        }
        return lower;
    }

    /** "" stays "" (all interfaces); "[::1]" loses its brackets; anything else must be an IP literal. */
    static String hostIp(String ip) {
        String bare = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        if (!bare.isEmpty() && !IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
            throw new IllegalArgumentException("invalid IP address: " + ip);
        }
        return bare;
    }

    /** A port or "start-end", both within 1..65535, start <= end. */
    static int[] range(String text, String what) {
        String[] bounds = text.split("-", -1);
        if (bounds.length > 2) {
            throw new IllegalArgumentException("invalid " + what + ": " + text);
        }
        int start = port(bounds[0], what, text);
        int end = bounds.length == 2 ? port(bounds[1], what, text) : start;
        if (end < start) {
            throw new IllegalArgumentException("invalid " + what + ": " + text);
        }
        return new int[] {start, end};
    }

    static int port(String text, String what, String context) {
        if (!text.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("invalid " + what + ": " + context);
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid " + what + ": " + context + " (ports are 1-65535)");
        }
        return port;
    }
}
