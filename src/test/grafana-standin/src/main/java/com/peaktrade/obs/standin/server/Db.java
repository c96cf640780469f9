package com.peaktrade.obs.standin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The stand-in's "database": a small JSON file at {@code <data>/grafana.db} (real Grafana keeps SQLite
 * there). It holds what must survive restarts on the same volume: users (the admin is created only when
 * there are none), failed login attempts, service accounts and their tokens (hashed), and the ids and
 * generated uids of folders and dashboards.
 */
final class Db {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final Map<String, String> ENCODED = new HashMap<>();
    private final Path file;
    private final ObjectNode root;

    private Db(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
        for (String array : new String[] {"users", "loginAttempts", "serviceAccounts", "tokens"}) {
            if (!root.path(array).isArray()) {
                root.putArray(array);
            }
        }
        for (String object : new String[] {"uids", "ids"}) {
            if (!root.path(object).isObject()) {
                root.putObject(object);
            }
        }
    }

    static Db open(Path dataDir) throws Fatal {
        Path file = dataDir.resolve("grafana.db");
        try {
            ObjectNode root = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
            Db db = new Db(file, root);
            db.save();
            return db;
        } catch (IOException | ClassCastException e) {
            throw new Fatal("failed to open database " + file + ": " + e);
        }
    }

    synchronized boolean hasUsers() {
        return root.withArray("users").size() > 0;
    }

    synchronized void createAdmin(String login, String password) {
        String salt = randomString(10);
        ObjectNode user = root.withArray("users").addObject();
        user.put("id", root.withArray("users").size()).put("login", login).put("email", "admin@localhost")
                .put("isAdmin", true).put("salt", salt).put("password", encode(password, salt));
        save();
    }

    /** True when login (or email, case-insensitive) names a user whose password matches. */
    synchronized boolean passwordMatches(String login, String password) {
        for (JsonNode user : root.withArray("users")) {
            if (login.equalsIgnoreCase(user.path("login").asText())
                    || login.equalsIgnoreCase(user.path("email").asText())) {
                byte[] expected = user.path("password").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] given = encode(password, user.path("salt").asText()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                return MessageDigest.isEqual(expected, given);
            }
        }
        return false;
    }

    synchronized boolean userExists(String login) {
        for (JsonNode user : root.withArray("users")) {
            if (login.equalsIgnoreCase(user.path("login").asText())
                    || login.equalsIgnoreCase(user.path("email").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Failed attempts for this username since {@code sinceMillis} (Grafana's login_attempt table). */
    synchronized int failuresSince(String username, long sinceMillis) {
        int count = 0;
        for (JsonNode a : root.withArray("loginAttempts")) {
            if (a.path("username").asText().equals(username.toLowerCase(Locale.ROOT))
                    && a.path("created").asLong() >= sinceMillis) {
                count++;
            }
        }
        return count;
    }

    synchronized void addFailure(String username, String ip, long nowMillis, long keepMillis) {
        ArrayNode attempts = root.withArray("loginAttempts");
        for (Iterator<JsonNode> it = attempts.elements(); it.hasNext(); ) {
            if (it.next().path("created").asLong() < nowMillis - keepMillis) {
                it.remove();
            }
        }
        attempts.addObject().put("username", username.toLowerCase(Locale.ROOT)).put("ipAddress", ip)
                .put("created", nowMillis);
        save();
    }

    /** The user's id when login (or email) names one, else -1. */
    synchronized long userId(String login) {
        for (JsonNode user : root.withArray("users")) {
            if (login.equalsIgnoreCase(user.path("login").asText())
                    || login.equalsIgnoreCase(user.path("email").asText())) {
                return user.path("id").asLong();
            }
        }
        return -1;
    }

    /** Reads or changes the service accounts and tokens under the lock, saving after a change. */
    synchronized <T> T accounts(java.util.function.Function<ObjectNode, T> work, boolean change) {
        T result = work.apply(root);
        if (change) {
            save();
        }
        return result;
    }

    static String random(int length) {
        return randomString(length);
    }

    /** A uid generated once per data directory for {@code key} (like Grafana's random uids, stable per DB). */
    synchronized String uid(String key) {
        ObjectNode uids = (ObjectNode) root.get("uids");
        if (!uids.has(key)) {
            uids.put(key, randomString(14));
            save();
        }
        return uids.get(key).asText();
    }

    /** A numeric id allocated once per data directory for {@code key} (folders and dashboards share one sequence). */
    synchronized long id(String key) {
        ObjectNode ids = (ObjectNode) root.get("ids");
        if (!ids.has(key)) {
            ids.put(key, ids.size() + 1);
            save();
        }
        return ids.get(key).asLong();
    }

    private void save() {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write " + file, e);
        }
    }

    /** Grafana's util.EncodePassword: PBKDF2-SHA256, 10000 rounds, 50 bytes, hex (memoized: tests poll a lot). */
    private static String encode(String password, String salt) {
        String key = salt + '\0' + password;
        synchronized (ENCODED) {
            if (ENCODED.size() > 256) {
                ENCODED.clear();
            }
            return ENCODED.computeIfAbsent(key, k -> pbkdf2(password, salt));
        }
    }

    private static String pbkdf2(String password, String salt) {
        try {
            var spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    10_000, 50 * 8);
            return HexFormat.of().formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        }
    }

    private static String randomString(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(UID_CHARS.charAt(RANDOM.nextInt(UID_CHARS.length())));
        }
        return s.toString();
    }
}
