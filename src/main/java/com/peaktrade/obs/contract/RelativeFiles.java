package com.peaktrade.obs.contract;

/** The files a contract's relative paths name: in its directory, or in the jar for the embedded one. */
interface RelativeFiles {
    boolean exists(String relative);

    /** Where {@code relative} was looked for, for "does not exist" messages. */
    String describe(String relative);
}
