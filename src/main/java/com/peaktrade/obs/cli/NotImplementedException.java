package com.peaktrade.obs.cli;

import com.peaktrade.obs.error.ExitCodes;
import com.peaktrade.obs.error.ObsException;

/** A command that is in the tree but not built yet. Exit 2, never a fake success. */
final class NotImplementedException extends ObsException {
    private static final long serialVersionUID = 1L;

    NotImplementedException(String command) {
        super("'" + command + "' is not implemented yet", "see README.md for the commands that work today", null);
    }

    @Override
    public int exitCode() {
        return ExitCodes.USAGE;
    }
}
