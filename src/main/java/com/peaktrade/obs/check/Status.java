package com.peaktrade.obs.check;

/** The verdict of one check. Only FAIL fails a run; WARN is reported but passes. */
public enum Status {
    PASS, FAIL, WARN, SKIP
}
