package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerHostDiscoveryTest {
    @TempDir
    Path home;

    @Test
    void dockerHostWinsAndIsTheOnlyCandidate() {
        var found = new DockerHostDiscovery(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375"), home).candidates();
        assertThat(found).containsExactly(new DockerEndpoint("tcp://10.0.0.5:2375", "DOCKER_HOST"));
    }

    @Test
    void currentDockerContextIsReadFromConfigAndContextMeta() throws Exception {
        Path docker = home.resolve(".docker");
        Files.createDirectories(docker);
        Files.writeString(docker.resolve("config.json"), "{\"currentContext\":\"desktop-linux\"}");
        Path meta = docker.resolve("contexts/meta").resolve(DockerHostDiscovery.sha256("desktop-linux"));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"),
                "{\"Name\":\"desktop-linux\",\"Endpoints\":{\"docker\":{\"Host\":\"unix:///Users/a/.docker/run/docker.sock\"}}}");

        var found = new DockerHostDiscovery(Map.of(), home).candidates();

        assertThat(found).containsExactly(new DockerEndpoint("unix:///Users/a/.docker/run/docker.sock",
                "docker context 'desktop-linux'"));
    }

    @Test
    void defaultContextFallsBackToWellKnownSocketsThatExist() throws Exception {
        Path docker = home.resolve(".docker");
        Files.createDirectories(docker.resolve("run"));
        Files.writeString(docker.resolve("config.json"), "{\"currentContext\":\"default\"}");
        Files.createFile(docker.resolve("run/docker.sock"));
        Files.createDirectories(home.resolve(".colima/default"));
        Files.createFile(home.resolve(".colima/default/docker.sock"));

        var found = new DockerHostDiscovery(Map.of(), home).candidates();

        assertThat(found).extracting(DockerEndpoint::host)
                .contains("unix://" + home.resolve(".docker/run/docker.sock"),
                        "unix://" + home.resolve(".colima/default/docker.sock"));
        assertThat(found).extracting(DockerEndpoint::source).contains("Docker Desktop socket", "Colima socket");
    }

    @Test
    void dockerContextEnvironmentVariableOverridesTheConfigFile() throws Exception {
        Path docker = home.resolve(".docker");
        Path meta = docker.resolve("contexts/meta").resolve(DockerHostDiscovery.sha256("remote"));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Endpoints\":{\"docker\":{\"Host\":\"ssh://me@box\"}}}");
        Files.writeString(docker.resolve("config.json"), "{\"currentContext\":\"other\"}");

        var found = new DockerHostDiscovery(Map.of("DOCKER_CONTEXT", "remote"), home).candidates();

        assertThat(found).containsExactly(new DockerEndpoint("ssh://me@box", "DOCKER_CONTEXT 'remote'"));
    }
}
