package com.peaktrade.obs.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.docker.DockerHostDiscovery;
import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.RequiredTool;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine reached over ssh, as `docker -H ssh://…` does it: an sshd of the test's own
 * (its own config, host key and authorized keys, on a free 127.0.0.1 port; never the system's), this
 * machine's docker CLI on the "remote" side, and the client's ssh settings in an ssh config file
 * given with PEAKTRADE_OBS_SSH_OPTS=-F (ssh reads ~/.ssh from the passwd entry, not $HOME).
 */
@ExtendWith(EngineExtension.class)
class SshEngineIT {
    @TempDir
    static Path dir;
    static Process sshd;
    static int port;
    static RemoteEngineFixture fixture;
    static String project;

    @BeforeAll
    static void sshdOfOurOwn() throws Exception {
        Path daemon = RequiredTool.require("/usr/sbin/sshd", "openssh-server");
        RequiredTool.require("/usr/bin/ssh", "openssh-client");
        // sshd refuses to start without its privilege separation directory (the package's service makes it)
        Files.createDirectories(Path.of("/run/sshd"));
        keygen("host_key");
        keygen("id_docker");
        keygen("id_stranger");
        keygen("id_nodocker");
        port = RemoteEngineFixture.freePort();
        fixture = new RemoteEngineFixture("ssh", dir);
        project = fixture.project;
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(dir.resolve("id_docker.pub"))
                // a key whose sessions find no docker CLI: a remote without docker
                + "environment=\"PATH=/nonexistent\" " + Files.readString(dir.resolve("id_nodocker.pub")));
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + dir.resolve("host_key"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "PidFile " + dir.resolve("sshd.pid"),
                "StrictModes no", "UsePAM no", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password", "PubkeyAuthentication yes", "PermitUserEnvironment PATH", ""));
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + Files.readString(dir.resolve("host_key.pub")));
        sshd = new ProcessBuilder(daemon.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        RemoteEngineFixture.awaitListening(port);
        fixture.createProbe();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.removeProbe();
        }
        if (sshd != null) {
            sshd.destroy();
        }
    }

    @Test
    void dockerHostSshReachesTheEngineThroughDialStdio() throws Exception {
        var ps = CliProcess.run(env("id_docker", "DOCKER_HOST", "ssh://root@127.0.0.1:" + port), dir,
                "--debug", "debug", "ps", "-p", project);

        assertThat(ps.out()).as(ps.toString()).contains(project + "-probe-1").contains("created");
        assertThat(ps.err()).contains("reached via ssh root@127.0.0.1:" + port + " (docker system dial-stdio), chosen by DOCKER_HOST");
    }

    @Test
    void aContextWithAnSshHostIsReachedTheSameWay() throws Exception {
        Path config = dir.resolve("docker-config");
        Path meta = config.resolve("contexts/meta").resolve(DockerHostDiscovery.sha256("ssh-it"));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"ssh-it\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"ssh://root@127.0.0.1:" + port + "\",\"SkipTLSVerify\":false}}}");

        Map<String, String> env = env("id_docker", "DOCKER_CONTEXT", "ssh-it");
        env.put("DOCKER_CONFIG", config.toString());
        var verify = CliProcess.run(env, dir, "shadow", "verify", "-p", project, "--format", "json", "--no-wait", "--timeout", "10s");

        assertThat(verify.out()).as(verify.toString())
                .contains("reached via ssh root@127.0.0.1:" + port + " (docker system dial-stdio), chosen by DOCKER_CONTEXT 'ssh-it'");
    }

    @Test
    void theGrafanaStackComesUpVerifiesThroughAnSshTunnelAndGoesDownThroughSsh(TestEngine engine) throws Exception {
        var took = RemoteEngineFixture.grafanaUpVerifyDown(engine, dir, env("id_docker", "DOCKER_HOST", "ssh://root@127.0.0.1:" + port),
                true);

        System.out.println("[timing] grafana up over ssh: " + took.toMillis() + " ms");
    }

    @Test
    void aRefusedKeyIsExit3WithSshsOwnReason() throws Exception {
        var ps = CliProcess.run(env("id_stranger", "DOCKER_HOST", "ssh://root@127.0.0.1:" + port), dir, "debug", "ps", "-p", project);

        assertThat(ps.exitCode()).as(ps.toString()).isEqualTo(3);
        assertThat(ps.err()).contains("error: ssh to the Docker engine at root@127.0.0.1:" + port + " (DOCKER_HOST) failed:")
                .contains("Permission denied (publickey)").contains("hint: ssh refused the key").doesNotContain("\tat ");
    }

    @Test
    void aRemoteWithoutDockerIsExit3SayingSo() throws Exception {
        var ps = CliProcess.run(env("id_nodocker", "DOCKER_HOST", "ssh://root@127.0.0.1:" + port), dir, "debug", "ps", "-p", project);

        assertThat(ps.exitCode()).as(ps.toString()).isEqualTo(3);
        assertThat(ps.err()).contains("docker: command not found").contains("hint: the remote has no usable docker CLI")
                .doesNotContain("\tat ");
    }

    @Test
    void noSshProgramIsExit3BeforeAnyConnection() {
        Map<String, String> env = new HashMap<>(Map.of("DOCKER_HOST", "ssh://root@127.0.0.1:" + port, "PATH", "/nonexistent"));
        var ps = CliProcess.run(env, dir, "debug", "ps", "-p", project);

        assertThat(ps.exitCode()).as(ps.toString()).isEqualTo(3);
        assertThat(ps.err()).contains("error: the Docker engine is reached over ssh, but no ssh program is on PATH");
    }

    /** The product's environment: ssh settings of this test only, no agent. */
    private static Map<String, String> env(String identity, String key, String value) throws Exception {
        Path config = dir.resolve("ssh_config_" + identity);
        Files.writeString(config, String.join("\n", "Host 127.0.0.1", "  IdentityFile " + dir.resolve(identity),
                "  IdentitiesOnly yes", "  UserKnownHostsFile " + dir.resolve("known_hosts"), "  StrictHostKeyChecking yes",
                "  IdentityAgent none", ""));
        Map<String, String> env = new HashMap<>();
        env.put(key, value);
        env.put("PEAKTRADE_OBS_SSH_OPTS", "-F " + config);
        return env;
    }

    private static void keygen(String name) {
        var made = CliProcess.exec(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", dir.resolve(name).toString()),
                Map.of(), dir, 1);
        assertThat(made.exitCode()).as(made.toString()).isZero();
    }
}
