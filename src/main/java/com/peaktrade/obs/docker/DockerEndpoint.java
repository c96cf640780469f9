package com.peaktrade.obs.docker;

/** Where the engine was found and why that place was chosen (shown by --debug and docker.daemon). */
public record DockerEndpoint(String host, String source) {
    @Override
    public String toString() {
        return host + " (" + source + ")";
    }
}
