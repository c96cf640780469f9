package com.peaktrade.obs.compose;

import java.util.regex.Pattern;

/** Which environment keys hold secrets (GF_SECURITY_ADMIN_PASSWORD, *_TOKEN, ...), so output can mask them. */
public final class SecretKeys {
    public static final String MASK = "********";
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?)(__FILE)?$");

    private SecretKeys() {
    }

    public static boolean isSecret(String key) {
        return SECRET.matcher(key).matches() && !key.toUpperCase(java.util.Locale.ROOT).endsWith("__FILE");
    }
}
