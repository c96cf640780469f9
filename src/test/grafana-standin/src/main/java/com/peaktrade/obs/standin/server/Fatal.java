package com.peaktrade.obs.standin.server;

/** A startup error after which Grafana logs the cause and exits non-zero. */
public final class Fatal extends Exception {
    private static final long serialVersionUID = 1L;

    Fatal(String message) {
        super(message);
    }
}
