package com.peaktrade.obs.check;

/**
 * A line a report carries besides its results: what the run did not check, or where it looked by
 * default. Lines: {@code INFO|topic|text}.
 *
 * @param topic e.g. "contract" (a section that expects nothing), "endpoint" (a defaulted URL)
 */
public record Note(String topic, String text) {
}
