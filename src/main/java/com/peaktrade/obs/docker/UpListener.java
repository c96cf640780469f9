package com.peaktrade.obs.docker;

/** What `up` and `down` report while they work; the CLI turns these into lines or a progress bar. */
public interface UpListener {
    /** A step done or started: "network x created", "container y started". */
    void step(String message);

    /** Something the user should know although `up` goes on: printed as a WARN line. */
    default void warn(String message) {
        step("WARN " + message);
    }

    /** Pull progress of one image: bytes done/total over all layers (total 0 = unknown). */
    default void pullProgress(String image, long current, long total, String status) {
    }

    /**
     * Every container of the project is started; up now waits until they are running/healthy.
     * (up --verify starts its checks here: they wait for readiness themselves.)
     */
    default void started() {
    }

    UpListener SILENT = message -> { };
}
