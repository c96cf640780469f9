package com.peaktrade.obs.docker;

import com.peaktrade.obs.error.ExitCodes;
import com.peaktrade.obs.error.ObsException;

/** `up` started containers but the project did not become healthy (a container exited, unhealthy, timeout). Exit 1. */
public class UpFailedException extends ObsException {
    private static final long serialVersionUID = 1L;

    public UpFailedException(String message, String hint) {
        super(message, hint, null);
    }

    @Override
    public int exitCode() {
        return ExitCodes.FAILED;
    }
}
