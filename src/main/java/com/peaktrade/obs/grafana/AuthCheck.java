package com.peaktrade.obs.grafana;

import java.time.Duration;

/** The credentials were accepted: who Grafana says the caller is, and how long the probe took. */
public record AuthCheck(GrafanaIdentity identity, Duration latency) {
}
