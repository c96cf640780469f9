package com.peaktrade.obs.docker;

/**
 * What a command run inside a container through the engine's exec API produced.
 *
 * @param exitCode null when it did not finish within its time bound ({@link #timedOut()})
 */
public record ExecResult(Integer exitCode, String stdout, String stderr, boolean timedOut) {

    public boolean ok() {
        return exitCode != null && exitCode == 0;
    }

    /** stdout and stderr together, trimmed. */
    public String output() {
        String both = stdout.strip() + (stderr.isBlank() ? "" : (stdout.isBlank() ? "" : "\n") + stderr.strip());
        return both.strip();
    }
}
