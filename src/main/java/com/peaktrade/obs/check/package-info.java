/**
 * The check model and its runner: a {@link com.peaktrade.obs.check.Check} returns an
 * {@link com.peaktrade.obs.check.Outcome}; the {@link com.peaktrade.obs.check.CheckRunner} runs a suite
 * concurrently within budgets, honours prerequisites, and returns a {@link com.peaktrade.obs.check.Report}
 * of {@link com.peaktrade.obs.check.Result}s in the given order. {@link com.peaktrade.obs.check.Reporters}
 * turns a report into lines, JSON or JUnit XML on a given writer. Nothing here prints on its own.
 */
package com.peaktrade.obs.check;
