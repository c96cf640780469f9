package com.peaktrade.obs.standin.server;

/** A startup error after which Grafana logs the cause and exits non-zero. */
final class Fatal extends Exception {
    Fatal(String message) {
        super(message);
    }
}
