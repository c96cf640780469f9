package com.peaktrade.obs.check;

/** The body of a check written as a lambda; see {@link Check#of}. */
@FunctionalInterface
public interface CheckBody {
    Outcome run(CheckContext ctx) throws Exception;
}
