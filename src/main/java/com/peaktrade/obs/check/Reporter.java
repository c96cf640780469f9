package com.peaktrade.obs.check;

import java.io.PrintWriter;

/** Writes a {@link Report} in one format. Adds nothing a check did not put in; flushes, never closes. */
@FunctionalInterface
public interface Reporter {
    void write(Report report, PrintWriter out);
}
