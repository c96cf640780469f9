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
                "current context 'desktop-linux'", null, "desktop-linux"));
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

        assertThat(found).containsExactly(new DockerEndpoint("ssh://me@box", "DOCKER_CONTEXT 'remote'", null, "remote"));
    }

    @Test
    void tlsVerifyTakesTheCertificatesFromDockerCertPath() {
        var found = new DockerHostDiscovery(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376", "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", "/etc/engine-certs"), home).candidates();

        assertThat(found).containsExactly(new DockerEndpoint("tcp://10.0.0.5:2376", "DOCKER_HOST", Path.of("/etc/engine-certs"), null));
    }

    @Test
    void tlsVerifyWithoutCertPathUsesTheDockerConfigDirectoryLikeTheDockerCli() {
        var found = new DockerHostDiscovery(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2376", "DOCKER_TLS_VERIFY", "0",
                "DOCKER_CONFIG", "/srv/docker-config"), home).candidates();

        assertThat(found.get(0).tlsDir()).as("any non-empty DOCKER_TLS_VERIFY means TLS, as in the docker CLI")
                .isEqualTo(Path.of("/srv/docker-config"));
    }

    @Test
    void aTcpHostWithoutTlsVerifyStaysPlainEvenWhenCertificatesAreAround() {
        var found = new DockerHostDiscovery(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375", "DOCKER_CERT_PATH", "/etc/engine-certs"),
                home).candidates();

        assertThat(found.get(0).tlsDir()).isNull();
    }

    @Test
    void aContextWithTlsMaterialIsReachedWithItsOwnCertificates() throws Exception {
        Path config = home.resolve("docker-config");
        writeContext(config, "prod", "tcp://10.0.0.7:2376");
        Path tls = config.resolve("contexts/tls").resolve(DockerHostDiscovery.sha256("prod")).resolve("docker");
        Files.createDirectories(tls);
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"prod\"}");

        var found = new DockerHostDiscovery(Map.of("DOCKER_CONFIG", config.toString()), home).candidates();

        assertThat(found).containsExactly(new DockerEndpoint("tcp://10.0.0.7:2376", "current context 'prod'", tls, "prod"));
    }

    @Test
    void aContextWithoutTlsMaterialIsPlainTcp() throws Exception {
        Path config = home.resolve("docker-config");
        writeContext(config, "lab", "tcp://10.0.0.8:2375");

        var found = new DockerHostDiscovery(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "lab"), home).candidates();

        assertThat(found).containsExactly(new DockerEndpoint("tcp://10.0.0.8:2375", "DOCKER_CONTEXT 'lab'", null, "lab"));
    }

    @Test
    void dockerHostWinsOverDockerContext() throws Exception {
        Path config = home.resolve("docker-config");
        writeContext(config, "lab", "tcp://10.0.0.8:2375");

        var found = new DockerHostDiscovery(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "lab",
                "DOCKER_HOST", "ssh://me@box"), home).candidates();

        assertThat(found).extracting(DockerEndpoint::source).containsExactly("DOCKER_HOST");
    }

    @Test
    void theDefaultContextMeansTheDefaultSocketRule() throws Exception {
        var found = new DockerHostDiscovery(Map.of("DOCKER_CONTEXT", "default"), home).candidates();

        assertThat(found).extracting(DockerEndpoint::source).allMatch(s -> s.startsWith("default socket")
                || s.endsWith(" socket"));
    }

    private static void writeContext(Path config, String name, String host) throws Exception {
        Path meta = config.resolve("contexts/meta").resolve(DockerHostDiscovery.sha256(name));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"),
                "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"" + host
                        + "\",\"SkipTLSVerify\":false}}}");
    }
}
