package com.peaktrade.obs.error;

/** The exit codes of SPEC §4; `--help` lists them. */
public final class ExitCodes {
    /** All required checks passed / the command did what it was asked. */
    public static final int OK = 0;
    /** A check failed (verify, lint, status). */
    public static final int FAILED = 1;
    /** Usage or configuration error. */
    public static final int USAGE = 2;
    /** Environment not usable: Docker unreachable, image missing and not pullable. */
    public static final int ENVIRONMENT = 3;
    /** Unexpected internal error: a bug. */
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }
}
