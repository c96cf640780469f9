package com.peaktrade.obs.standin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Service accounts and their tokens (grafana-facts G14), kept in the DB so they survive a restart
 * on the same volume. Tokens look like Grafana's: {@code glsa_<32 letters/digits>_<crc32 of the rest,
 * little-endian hex>}; only a hash of the secret is stored, the key is shown once.
 */
final class ServiceAccounts {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final Db db;

    ServiceAccounts(Db db) {
        this.db = db;
    }

    /** What a token check found. */
    sealed interface TokenCheck {
        record Valid(Identity identity) implements TokenCheck {
        }

        record Rejected(String message, String messageId) implements TokenCheck {
        }

        /** Well formed, but no such token: the store's plain error, which nothing maps (G14). */
        record Unknown() implements TokenCheck {
        }
    }

    ObjectNode create(String name, String role, boolean disabled, long orgId) {
        return db.accounts(root -> {
            ArrayNode all = root.withArray("serviceAccounts");
            long id = 2 + all.size(); // the admin user is 1
            ObjectNode sa = all.addObject();
            sa.put("id", id).put("uid", Db.random(14)).put("name", name)
                    .put("login", "sa-" + orgId + "-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'))
                    .put("orgId", orgId).put("isDisabled", disabled).put("role", role);
            return view(sa, 0);
        }, true);
    }

    Optional<JsonNode> find(long id) {
        return db.accounts(root -> {
            for (JsonNode sa : root.withArray("serviceAccounts")) {
                if (sa.path("id").asLong() == id) {
                    return Optional.<JsonNode>of(sa.deepCopy());
                }
            }
            return Optional.<JsonNode>empty();
        }, false);
    }

    /** A new token for the account: {@code {"id","name","key"}}; the key is never stored. */
    ObjectNode addToken(long accountId, String name, long secondsToLive) {
        String secret = Db.random(32);
        String key = "glsa_" + secret + "_" + checksum("glsa_" + secret);
        return db.accounts(root -> {
            ArrayNode tokens = root.withArray("tokens");
            long id = tokens.size() + 1;
            tokens.addObject().put("id", id).put("name", name).put("serviceAccountId", accountId)
                    .put("hash", sha256(secret)).put("expires", secondsToLive > 0
                            ? System.currentTimeMillis() + secondsToLive * 1000 : 0)
                    .put("revoked", false);
            return F.objectNode().put("id", id).put("name", name).put("key", key);
        }, true);
    }

    /** Marks a token revoked, as Grafana does for a token its secret scanning found leaked. */
    boolean revoke(long tokenId) {
        return db.accounts(root -> {
            for (JsonNode t : root.withArray("tokens")) {
                if (t.path("id").asLong() == tokenId) {
                    ((ObjectNode) t).put("revoked", true);
                    return true;
                }
            }
            return false;
        }, true);
    }

    ObjectNode search(long orgId) {
        return db.accounts(root -> {
            ArrayNode list = F.arrayNode();
            for (JsonNode sa : root.withArray("serviceAccounts")) {
                if (sa.path("orgId").asLong() == orgId) {
                    list.add(view(sa, tokenCount(root, sa.path("id").asLong())));
                }
            }
            ObjectNode out = F.objectNode().put("totalCount", list.size());
            out.set("serviceAccounts", list);
            return out.put("page", 1).put("perPage", 1000);
        }, false);
    }

    /** The caller behind a {@code gl…} token, or why not (G14's 401 bodies). */
    TokenCheck check(String token, long requestedOrg) {
        String[] parts = token.split("_", -1);
        if (!token.startsWith("gl") || parts.length != 3 || !checksum(parts[0] + "_" + parts[1]).equals(parts[2])) {
            return new TokenCheck.Rejected("Invalid API key", "api-key.invalid");
        }
        String hash = sha256(parts[1]);
        return db.accounts(root -> {
            for (JsonNode t : root.withArray("tokens")) {
                if (!MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                        t.path("hash").asText().getBytes(StandardCharsets.US_ASCII))) {
                    continue;
                }
                if (t.path("expires").asLong() > 0 && t.path("expires").asLong() <= System.currentTimeMillis()) {
                    return new TokenCheck.Rejected("Expired API key", "api-key.expired");
                }
                if (t.path("revoked").asBoolean()) {
                    return new TokenCheck.Rejected("Revoked API key", "api-key.revoked");
                }
                JsonNode sa = account(root, t.path("serviceAccountId").asLong());
                if (sa == null) {
                    return new TokenCheck.Unknown();
                }
                if (requestedOrg > 0 && requestedOrg != sa.path("orgId").asLong()) {
                    return new TokenCheck.Rejected("API key does not belong to the requested organization",
                            "api-key.organization-mismatch");
                }
                if (sa.path("isDisabled").asBoolean()) {
                    return new TokenCheck.Rejected("Identity is disabled", "identity.disabled");
                }
                return new TokenCheck.Valid(new Identity(sa.path("id").asLong(), sa.path("login").asText(),
                        sa.path("name").asText(), true, sa.path("orgId").asLong(), sa.path("role").asText(), false));
            }
            return new TokenCheck.Unknown();
        }, false);
    }

    private static JsonNode account(ObjectNode root, long id) {
        for (JsonNode sa : root.withArray("serviceAccounts")) {
            if (sa.path("id").asLong() == id) {
                return sa;
            }
        }
        return null;
    }

    private static int tokenCount(ObjectNode root, long accountId) {
        int n = 0;
        for (JsonNode t : root.withArray("tokens")) {
            n += t.path("serviceAccountId").asLong() == accountId ? 1 : 0;
        }
        return n;
    }

    private static ObjectNode view(JsonNode sa, int tokens) {
        ObjectNode o = F.objectNode();
        o.put("id", sa.path("id").asLong()).put("uid", sa.path("uid").asText()).put("name", sa.path("name").asText())
                .put("login", sa.path("login").asText()).put("orgId", sa.path("orgId").asLong())
                .put("isDisabled", sa.path("isDisabled").asBoolean()).put("role", sa.path("role").asText())
                .put("tokens", tokens).put("avatarUrl", "");
        return o;
    }

    /** CRC32 (IEEE) of the key's text, its four bytes little-endian, in hex. */
    static String checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        long v = crc.getValue();
        byte[] le = {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
        return HexFormat.of().formatHex(le);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
