package com.peaktrade.obs.prometheus;

/** {@code /api/v1/status/buildinfo}. Fields Prometheus left out are null. */
public record BuildInfo(String version, String revision, String branch, String buildUser, String buildDate,
        String goVersion) {
}
