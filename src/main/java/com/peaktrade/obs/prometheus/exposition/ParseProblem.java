package com.peaktrade.obs.prometheus.exposition;

/**
 * A line the parser could not accept.
 *
 * @param line    1-based line number
 * @param text    the line, cut to about 120 characters
 * @param problem what is wrong with it
 */
public record ParseProblem(int line, String text, String problem) {

    @Override
    public String toString() {
        return "line " + line + ": " + problem + ": " + text;
    }
}
