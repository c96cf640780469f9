package com.peaktrade.obs.check;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps secrets out of evidence. Checks call it where they gather evidence (a URL with userinfo, an
 * echoed Authorization header); reporters add nothing and redact nothing.
 */
public final class Redaction {
    public static final String MASK = "********";

    private Redaction() {
    }

    /**
     * {@code text} with every non-empty secret, and its URL-encoded form, replaced by {@link #MASK};
     * longer secrets first, so one secret containing another is masked whole. Null stays null.
     */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null || secrets == null) {
            return text;
        }
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                forms.add(secret);
                forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
                forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        forms.sort(Comparator.comparingInt(String::length).reversed());
        String redacted = text;
        for (String form : forms.stream().distinct().toList()) {
            redacted = redacted.replace(form, MASK);
        }
        return redacted;
    }
}
