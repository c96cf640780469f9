package com.peaktrade.obs.stack;

import com.peaktrade.obs.error.ConfigException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a stack's compose files are interpolated with: the user's (shell over config
 * file) plus what the tool feeds in: the bind address, its own jar for the exporter container and
 * the Grafana admin password. Knows where each value came from, so output can say so without
 * ever showing a password.
 */
public final class StackSettings {
    public static final String BIND = "PEAKTRADE_OBS_BIND";
    public static final String JAR = "PEAKTRADE_OBS_JAR";
    public static final String ADMIN_USER = "GRAFANA_ADMIN_USER";
    public static final String ADMIN_PASSWORD = "GRAFANA_ADMIN_PASSWORD";
    /** Grafana's own names, which the team's scripts also read. */
    public static final String GF_ADMIN_USER = "GF_SECURITY_ADMIN_USER";
    public static final String GF_ADMIN_PASSWORD = "GF_SECURITY_ADMIN_PASSWORD";
    static final String DEFAULT_ADMIN = "admin";

    private final Map<String, String> environment;
    private final String passwordSource;

    private StackSettings(Map<String, String> environment, String passwordSource) {
        this.environment = Map.copyOf(environment);
        this.passwordSource = passwordSource;
    }

    /**
     * @param userEnv      the user's environment (shell over config file)
     * @param bind         --bind, or null
     * @param passwordFile --grafana-password-file, or null
     * @param stored       where a generated password is kept (up), or null to generate none (debug config)
     */
    public static StackSettings resolve(Map<String, String> userEnv, String bind, Path passwordFile, AdminPasswordFile stored) {
        Map<String, String> env = new LinkedHashMap<>(userEnv);
        if (bind != null && !bind.isBlank()) {
            env.put(BIND, bind.strip());
        }
        String source;
        if (passwordFile != null) {
            env.put(ADMIN_PASSWORD, readPassword(passwordFile));
            source = "--grafana-password-file " + passwordFile;
        } else if (isSet(userEnv.get(ADMIN_PASSWORD))) {
            source = "environment variable " + ADMIN_PASSWORD;
        } else if (isSet(userEnv.get(GF_ADMIN_PASSWORD))) {
            env.put(ADMIN_PASSWORD, userEnv.get(GF_ADMIN_PASSWORD));
            source = "environment variable " + GF_ADMIN_PASSWORD;
        } else if (stored != null) {
            // no admin/admin default (SPEC §6): a random password, kept for the next up, verify and debug
            boolean existed = stored.read().isPresent();
            env.put(ADMIN_PASSWORD, stored.readOrCreate());
            source = (existed ? "" : "newly generated, ") + "stored in " + stored.path();
        } else {
            source = "not set (the compose file's default)";
        }
        if (!isSet(env.get(ADMIN_USER))) {
            env.put(ADMIN_USER, isSet(userEnv.get(GF_ADMIN_USER)) ? userEnv.get(GF_ADMIN_USER) : DEFAULT_ADMIN);
        }
        if (!env.containsKey(JAR)) {
            ownJar().ifPresent(jar -> env.put(JAR, jar.toString()));
        }
        StackSettings settings = new StackSettings(env, source);
        settings.refuseDefaultCredentialsBeyondLoopback();
        return settings;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    static String readPassword(Path file) {
        return readSecret(file, "Grafana password");
    }

    /** A password or token file: its text without one trailing newline (like docker secrets); empty is exit 2. */
    static String readSecret(Path file, String what) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read the " + what + " file " + file + ": "
                    + e.getClass().getSimpleName(), "check the path and its permissions");
        }
        String secret = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        if (secret.isEmpty()) {
            throw new ConfigException("the " + what + " file " + file + " is empty",
                    "write the " + what.substring(what.indexOf(' ') + 1) + " into it (one line)");
        }
        return secret;
    }

    /** SPEC §6: admin/admin is only the local default. */
    private void refuseDefaultCredentialsBeyondLoopback() {
        String bind = bindAddress();
        boolean defaultCredentials = DEFAULT_ADMIN.equals(environment.get(ADMIN_USER))
                && DEFAULT_ADMIN.equals(environment.get(ADMIN_PASSWORD));
        if (defaultCredentials && !isLoopback(bind)) {
            throw new ConfigException("refusing to publish Grafana on " + bind + " with the default admin/admin credentials",
                    "give a password with --grafana-password-file FILE or " + ADMIN_PASSWORD + ", or bind to 127.0.0.1");
        }
    }

    public String bindAddress() {
        String bind = environment.get(BIND);
        return bind == null || bind.isBlank() ? "127.0.0.1" : bind;
    }

    static boolean isLoopback(String address) {
        String a = address.strip();
        return a.startsWith("127.") || a.equals("::1") || a.equals("[::1]") || a.equalsIgnoreCase("localhost");
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** Where the Grafana admin password came from (never the password). */
    public String passwordSource() {
        return passwordSource;
    }

    public String adminUser() {
        return environment.get(ADMIN_USER);
    }

    /** The running jar, if we run from one (the exporter container mounts it). */
    static java.util.Optional<Path> ownJar() {
        try {
            var location = StackSettings.class.getProtectionDomain().getCodeSource().getLocation();
            Path path = Path.of(location.toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar")
                    ? java.util.Optional.of(path.toAbsolutePath()) : java.util.Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }
}
