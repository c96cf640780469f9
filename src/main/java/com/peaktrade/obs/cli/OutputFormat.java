package com.peaktrade.obs.cli;

/** --format of snapshot commands. */
enum OutputFormat {
    TEXT, JSON
}
