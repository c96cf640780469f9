package com.peaktrade.obs.cli;

import com.peaktrade.obs.docker.DockerEngine;
import com.peaktrade.obs.stack.UserEnvironment;

/**
 * A not-yet-built command that will need the engine: it connects first, so a machine without
 * Docker gets the real answer (exit 3 with a hint) rather than "not implemented".
 */
abstract class PendingEngineCommand extends PendingCommand {
    @Override
    public Integer call() {
        try (DockerEngine ignored = DockerEngine.connect(UserEnvironment.load())) {
            return super.call();
        }
    }
}
