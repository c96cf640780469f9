package com.peaktrade.obs.lint;

/** How bad a finding is: an error fails lint (exit 1), a warning does not unless --strict. */
public enum Severity {
    ERROR, WARNING
}
