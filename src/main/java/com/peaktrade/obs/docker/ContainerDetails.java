package com.peaktrade.obs.docker;

import java.time.Instant;
import java.util.List;

/**
 * What inspect says about one container of a project.
 *
 * @param command   the process's arguments after the entrypoint (for Prometheus its flags)
 * @param startedAt null when it never started
 */
public record ContainerDetails(String service, String name, String id, String image, boolean running, String state,
        List<String> entrypoint, List<String> command, Instant startedAt, List<ContainerMount> mounts) {

    /** The value of {@code --flag=value} (or {@code --flag value}) among the command's arguments, if given. */
    public java.util.Optional<String> flag(String flag) {
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg.startsWith(flag + "=")) {
                return java.util.Optional.of(arg.substring(flag.length() + 1));
            }
            if (arg.equals(flag) && i + 1 < command.size()) {
                return java.util.Optional.of(command.get(i + 1));
            }
        }
        return java.util.Optional.empty();
    }

    public boolean hasArgument(String arg) {
        return command.contains(arg) || entrypoint.contains(arg);
    }
}
