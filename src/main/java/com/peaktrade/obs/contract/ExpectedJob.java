package com.peaktrade.obs.contract;

/** A scrape job whose targets must be up; an optional one that is not is a WARN. */
public record ExpectedJob(String name, boolean optional, Where where) {
}
