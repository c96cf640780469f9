package com.peaktrade.obs.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.compose.ComposeCorpus;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.compose.ConfigMount;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/** The archive an inline config is copied into its container with (corpus case 08-configs). */
class ConfigDeliveryTest {
    private record File(String name, int mode, long uid, long gid, String content) {
    }

    private static File deliveredFile(String source) throws Exception {
        ComposeProject project = ComposeCorpus.named("08-configs").load().project();
        ConfigMount mount = project.service("app").configs().stream().filter(c -> c.source().equals(source)).findFirst()
                .orElseThrow();
        byte[] archive = ConfigDelivery.archive(mount, project.configs().get(source).content());
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
            TarArchiveEntry entry = tar.getNextEntry();
            File file = new File(entry.getName(), entry.getMode(), entry.getLongUserId(), entry.getLongGroupId(),
                    new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(tar.getNextEntry()).as("one file per archive").isNull();
            return file;
        }
    }

    @Test
    void inlineContentGoesToSlashSourceReadableByAllWithVariablesSubstitutedAndDollarsUnescaped() throws Exception {
        assertThat(deliveredFile("inline")).isEqualTo(new File("inline", 0444, 0, 0, "greeting=hello\nliteral=$HOME\n"));
    }

    @Test
    void anEnvironmentConfigCarriesTheVariablesValueToItsRelativeTargetWithItsOwner() throws Exception {
        assertThat(deliveredFile("from-env")).isEqualTo(new File("relative/env.conf", 0444, 1000, 1000, "from the shell"));
    }
}
