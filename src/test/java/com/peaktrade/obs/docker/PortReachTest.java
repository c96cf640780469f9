package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.EnvironmentException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where verify and the debug commands connect for a port the engine published on its host. */
class PortReachTest {
    @Test
    void anEngineOnThisMachineIsReachedAsPublished() {
        assertThat(PortReach.here().reach("grafana", "127.0.0.1:3000")).isEqualTo("127.0.0.1:3000");
        assertThat(PortReach.tcp("tcp://127.0.0.1:2376").reach("grafana", "127.0.0.1:3000"))
                .as("tcp to a loopback address: the engine's loopback is ours").isEqualTo("127.0.0.1:3000");
    }

    @Test
    void aTcpEnginesPortBoundBeyondLoopbackIsReachedAtTheEnginesHost() {
        PortReach remote = PortReach.tcp("tcp://192.0.2.7:2376");

        assertThat(remote.reach("grafana", "0.0.0.0:3000")).isEqualTo("192.0.2.7:3000");
        assertThat(remote.reach("prometheus-local", "192.0.2.8:9092")).isEqualTo("192.0.2.8:9092");
    }

    @Test
    void aTcpEnginesPortOnItsLoopbackIsANamedErrorSayingHow() {
        assertThatThrownBy(() -> PortReach.tcp("tcp://192.0.2.7:2376").reach("grafana", "127.0.0.1:3000"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("service grafana publishes port 3000 on the loopback address 127.0.0.1 of the engine's host "
                        + "192.0.2.7, which this machine cannot reach over tcp")
                .extracting(e -> ((EnvironmentException) e).hint()).asString()
                .contains("--bind 0.0.0.0").contains("DOCKER_HOST=ssh://USER@192.0.2.7");
    }

    @Test
    void anSshTunnelThatCannotStartIsANamedErrorWithWhatSshSaid() {
        // a port nothing listens on: ssh fails to connect and says so
        PortReach ssh = PortReach.ssh(new SshTarget("nobody", "127.0.0.1", 1), List.of("-o", "StrictHostKeyChecking=no"), true);

        assertThatThrownBy(() -> ssh.reach("grafana", "127.0.0.1:3000"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith("the ssh tunnel to grafana (127.0.0.1:3000 on nobody@127.0.0.1:1) failed: ")
                .hasMessageContaining("Connection refused");
    }
}
