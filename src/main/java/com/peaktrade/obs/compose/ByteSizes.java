package com.peaktrade.obs.compose;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as compose reads them (go-units RAMInBytes): {@code 1000}, {@code 10m}, {@code 1.5g}, {@code 64kb}; 1k = 1024. */
final class ByteSizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?([kmgtp])?i?b?", Pattern.CASE_INSENSITIVE);

    private ByteSizes() {
    }

    static long parse(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size \"" + text + "\" (use e.g. 1000, 64k, 10m, 1g)");
        }
        int power = m.group(2) == null ? 0 : "kmgtp".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power)).longValue();
    }
}
