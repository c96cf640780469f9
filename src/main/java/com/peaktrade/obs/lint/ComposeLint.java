package com.peaktrade.obs.lint;

import com.peaktrade.obs.compose.ComposeLoader;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.LoadRequest;
import com.peaktrade.obs.compose.PortSpec;
import com.peaktrade.obs.compose.ServiceSpec;
import com.peaktrade.obs.compose.VolumeSpec;
import com.peaktrade.obs.error.ObsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose rules. Each group of files is loaded like {@code docker compose -f a -f b} with an empty
 * environment (lint judges the files' own defaults, not the shell's overrides); lines come from the
 * raw files, the last file that sets a value wins.
 */
final class ComposeLint {
    /** Stands in for a required ${VAR:?…} so the files still load; mounts from it are not judged. */
    static final String UNSET_PLACEHOLDER = "/peaktrade-obs-lint/unset/";
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?\\?");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)$");

    private final Findings out;

    ComposeLint(Findings out) {
        this.out = out;
    }

    /** Loads a group; a file that does not load is a broken input (empty result). */
    static Optional<ComposeProject> load(List<Path> files, Findings out) {
        Map<String, String> env = new HashMap<>();
        for (Path file : files) {
            try {
                Matcher m = REQUIRED.matcher(Files.readString(file));
                while (m.find()) {
                    env.put(m.group(1), UNSET_PLACEHOLDER + m.group(1));
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                out.broken(file, 0, "cannot read: " + e.getMessage());
                return Optional.empty();
            }
        }
        env.put("COMPOSE_DISABLE_ENV_FILE", "true");
        try {
            return Optional.of(new ComposeLoader().load(new LoadRequest(files, "lint", env, null)).project());
        } catch (ObsException e) {
            out.broken(files.get(0), 0, "compose files " + files.stream().map(out::show).toList() + " do not load: "
                    + e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            out.broken(files.get(0), 0, "compose files do not load: " + e);
            return Optional.empty();
        }
    }

    void lint(ComposeProject project) {
        List<Path> files = project.configFiles();
        Map<Path, Node> raw = new HashMap<>();
        for (Path f : files) {
            try {
                raw.put(f, LocatedReader.readYaml(f));
            } catch (BrokenInputException e) {
                out.broken(f, e.line(), e.getMessage());
                return;
            }
        }
        for (ServiceSpec s : project.services().values()) {
            image(s, files, raw);
            for (PortSpec p : s.ports()) {
                if (p.hostIp().isEmpty() || p.hostIp().equals("0.0.0.0") || p.hostIp().equals("::")) {
                    Where w = where(files, raw, s.name(), "ports", String.valueOf(p.target()));
                    String ip = p.hostIp().isEmpty() ? "all interfaces" : p.hostIp();
                    out.add(Rules.COMPOSE_PORT_PUBLIC, w.file, w.line, p.published() + ":" + p.target(),
                            "service " + s.name() + " publishes " + p.published() + "→" + p.target() + " on " + ip);
                }
            }
            for (VolumeSpec v : s.volumes()) {
                if (!v.isBind() || v.source() == null || v.source().contains(UNSET_PLACEHOLDER)) {
                    continue;
                }
                Where w = where(files, raw, s.name(), "volumes", v.target());
                if (!Files.exists(Path.of(v.source()))) {
                    out.add(Rules.COMPOSE_BIND_MISSING, w.file, w.line, v.source(), "service " + s.name()
                            + " bind-mounts " + out.show(Path.of(v.source())) + " at " + v.target() + ", which does not exist");
                }
                if (!v.readOnly()) {
                    out.add(Rules.COMPOSE_MOUNT_WRITABLE, w.file, w.line, v.target(), "service " + s.name()
                            + " mounts " + out.show(Path.of(v.source())) + " at " + v.target() + " writable");
                }
            }
            secrets(s.name(), files, raw);
            Where priv = where(files, raw, s.name(), "privileged", null);
            if (priv.node instanceof Node.Scalar sc && "true".equalsIgnoreCase(sc.text())) {
                out.add(Rules.COMPOSE_PRIVILEGED, priv.file, priv.line, "privileged: true", "service " + s.name()
                        + " runs privileged");
            }
        }
        for (Rule r : List.of(Rules.COMPOSE_IMAGE_UNPINNED, Rules.COMPOSE_PORT_PUBLIC, Rules.COMPOSE_BIND_MISSING,
                Rules.COMPOSE_MOUNT_WRITABLE, Rules.COMPOSE_SECRET_LITERAL, Rules.COMPOSE_PRIVILEGED)) {
            out.checked(r, "compose files");
        }
    }

    private void image(ServiceSpec s, List<Path> files, Map<Path, Node> raw) {
        String image = s.image();
        Where w = where(files, raw, s.name(), "image", null);
        if (image == null || image.isBlank()) {
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        String tag = colon < 0 ? null : last.substring(colon + 1);
        if (tag == null || tag.equalsIgnoreCase("latest")) {
            out.add(Rules.COMPOSE_IMAGE_UNPINNED, w.file, w.line, image, "service " + s.name() + " uses image " + image
                    + (tag == null ? " without a tag (means :latest)" : ""));
        }
    }

    private void secrets(String service, List<Path> files, Map<Path, Node> raw) {
        for (Path f : files) {
            Node env = service(raw.get(f), service).flatMap(m -> m.get("environment")).orElse(null);
            List<String[]> pairs = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            if (env instanceof Node.MapNode m) {
                m.entries().forEach((k, v) -> {
                    pairs.add(new String[] {k, v instanceof Node.Scalar sc ? sc.text() : null});
                    lines.add(v.line());
                });
            } else if (env instanceof Node.ListNode l) {
                for (Node item : l.items()) {
                    if (item instanceof Node.Scalar sc && sc.text() != null && sc.text().contains("=")) {
                        int eq = sc.text().indexOf('=');
                        pairs.add(new String[] {sc.text().substring(0, eq), sc.text().substring(eq + 1)});
                        lines.add(sc.line());
                    }
                }
            }
            for (int i = 0; i < pairs.size(); i++) {
                String key = pairs.get(i)[0];
                String value = pairs.get(i)[1];
                if (SECRET_KEY.matcher(key).matches() && !key.toUpperCase(Locale.ROOT).endsWith("__FILE")
                        && value != null && !value.isEmpty() && !value.contains("$")) {
                    out.add(Rules.COMPOSE_SECRET_LITERAL, f, lines.get(i), key + "=<redacted, " + value.length() + " characters>",
                            "service " + service + " sets " + key + " to a literal value");
                }
            }
        }
    }

    record Where(Path file, int line, Node node) {
    }

    static Optional<Node.MapNode> service(Node root, String service) {
        if (root instanceof Node.MapNode m && m.entries().get("services") instanceof Node.MapNode services
                && services.entries().get(service) instanceof Node.MapNode s) {
            return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The last file setting services.NAME.key; within a list, the item mentioning {@code itemHint}. */
    static Where where(List<Path> files, Map<Path, Node> raw, String service, String key, String itemHint) {
        for (int i = files.size() - 1; i >= 0; i--) {
            Path f = files.get(i);
            Optional<Node.MapNode> s = service(raw.get(f), service);
            if (s.isEmpty() || s.get().get(key).isEmpty()) {
                continue;
            }
            Node value = s.get().get(key).get();
            if (itemHint != null && value instanceof Node.ListNode list) {
                for (Node item : list.items()) {
                    if (mentions(item, itemHint)) {
                        return new Where(f, item.line(), item);
                    }
                }
            }
            return new Where(f, value.line(), value);
        }
        for (int i = files.size() - 1; i >= 0; i--) {
            Optional<Node.MapNode> s = service(raw.get(files.get(i)), service);
            if (s.isPresent()) {
                return new Where(files.get(i), s.get().line(), null);
            }
        }
        return new Where(files.get(0), 0, null);
    }

    private static boolean mentions(Node node, String text) {
        if (node instanceof Node.Scalar s) {
            return s.text() != null && s.text().contains(text);
        }
        if (node instanceof Node.MapNode m) {
            return m.entries().values().stream().anyMatch(n -> mentions(n, text));
        }
        return false;
    }
}
