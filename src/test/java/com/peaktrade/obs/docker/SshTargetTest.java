package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ssh command the docker CLI would run for the same DOCKER_HOST. */
class SshTargetTest {
    @Test
    void userAndPortBecomeSshOptionsAndTheRemoteRunsDialStdio() {
        var command = SshTarget.parse("ssh://deploy@build-box:2222").command(List.of(), false);

        assertThat(command).containsExactly("ssh", "-T", "-o", "ConnectTimeout=10", "-p", "2222", "-l", "deploy",
                "--", "build-box", "docker", "system", "dial-stdio");
    }

    @Test
    void withoutATerminalSshNeverPromptsAndExtraOptionsComeBeforeTheHost() {
        var command = SshTarget.parse("ssh://build-box").command(List.of("-F", "/tmp/ssh_config"), true);

        assertThat(command).containsExactly("ssh", "-T", "-o", "ConnectTimeout=10", "-o", "BatchMode=yes",
                "-F", "/tmp/ssh_config", "--", "build-box", "docker", "system", "dial-stdio");
    }

    @Test
    void aHostThatLooksLikeAnSshOptionIsRefusedAsAnAddress() {
        assertThatThrownBy(() -> SshTarget.parse("ssh://-oProxyCommand=evil"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is not a valid ssh address");
    }

    @Test
    void aPathInTheAddressIsANamedError() {
        assertThatThrownBy(() -> SshTarget.parse("ssh://me@box/var/run/docker.sock"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("a path is not supported");
    }

    @Test
    void describesTheTargetAsTheUserWroteIt() {
        assertThat(SshTarget.parse("ssh://root@127.0.0.1:2222").describe()).isEqualTo("root@127.0.0.1:2222");
        assertThat(SshTarget.parse("ssh://box").describe()).isEqualTo("box");
    }
}
