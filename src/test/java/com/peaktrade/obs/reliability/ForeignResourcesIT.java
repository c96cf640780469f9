package com.peaktrade.obs.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Look-alike resources someone else made are never stopped or removed; `up` refuses clearly instead. */
@ExtendWith(EngineExtension.class)
class ForeignResourcesIT {
    @TempDir
    Path tmp;

    @Test
    void lookAlikeContainerNetworkAndVolumeSurviveUpAndDownWhichRefuseClearly(TestEngine engine) {
        String project = engine.project() + "-foreign";
        Map<String, String> onlyTestLabel = Map.of(TestEngine.TEST_LABEL, "true");
        var container = engine.docker().createContainerCmd(TestEngine.jreImage()).withName(project + "-grafana-1")
                .withCmd("sleep", "300").withLabels(onlyTestLabel).exec();
        engine.docker().startContainerCmd(container.getId()).exec();
        engine.docker().createNetworkCmd().withName(project + "_default").withLabels(onlyTestLabel).exec();
        engine.docker().createVolumeCmd().withName(project + "_grafana-data").withLabels(onlyTestLabel).exec();
        Map<String, String> env = engine.stackEnv(tmp);

        CliProcess.Result up = CliProcess.run(env, tmp, "shadow", "up", "-p", project);
        assertThat(up.exitCode()).as(up.toString()).isEqualTo(2);
        assertThat(up.err()).contains("container name " + project + "-grafana-1 is taken by a container that is not part of project "
                + project, "never touches containers it did not create");
        assertThat(engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of("com.docker.compose.project=" + project)).exec()).as("nothing created").isEmpty();

        CliProcess.Result down = CliProcess.run(env, tmp, "shadow", "down", "-p", project, "--volumes");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.out()).contains("nothing to remove");
        assertThat(engine.docker().inspectContainerCmd(container.getId()).exec().getState().getRunning()).isTrue();
        assertThat(engine.docker().listNetworksCmd().withNameFilter(project + "_default").exec()).hasSize(1);
        assertThat(engine.docker().inspectVolumeCmd(project + "_grafana-data").exec().getName()).isEqualTo(project + "_grafana-data");

        engine.docker().removeContainerCmd(container.getId()).withForce(true).exec();
        CliProcess.Result upAgain = CliProcess.run(env, tmp, "shadow", "up", "-p", project);
        assertThat(upAgain.exitCode()).as(upAgain.toString()).isEqualTo(2);
        assertThat(upAgain.err()).contains("network " + project + "_default exists but is not part of project " + project);
        assertThat(engine.docker().listNetworksCmd().withNameFilter(project + "_default").exec()).hasSize(1);

        // the look-alikes are this test's own: it removes them (the extension's sweep goes by project label)
        engine.docker().removeNetworkCmd(project + "_default").exec();
        engine.docker().removeVolumeCmd(project + "_grafana-data").exec();
    }
}
