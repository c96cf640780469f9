package com.peaktrade.obs.stack;

/**
 * Who a client signs in as, and where that came from (for the report). The secret leaves this
 * object only to the HTTP client; {@link #toString()} never shows it.
 *
 * @param source e.g. "GRAFANA_AUTH", "--grafana-password-file /run/pw", "the running Grafana container's environment"
 */
public record Login(String user, String password, String source) {

    @Override
    public String toString() {
        return "Login[user=" + user + ", password=***, source=" + source + "]";
    }
}
