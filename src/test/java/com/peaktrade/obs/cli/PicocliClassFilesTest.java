package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The build compiles picocli from its sources jar for Java 17 (pom.xml): its own jar's Java 5 class
 * files are skipped by JDK 17's CDS and cannot be linked into JDK 25's AOT cache, which cost every
 * start 100-200 ms. Were the build step lost, the tool would still work, only slower: this notices.
 */
class PicocliClassFilesTest {
    @Test
    void picocliIsLoadedFromClassFilesOfJava17() throws IOException {
        for (Class<?> type : new Class<?>[] {CommandLine.class, CommandLine.Model.CommandSpec.class, CommandLine.Help.class}) {
            try (InputStream in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class");
                    DataInputStream data = new DataInputStream(in)) {
                assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
                data.readUnsignedShort();
                assertThat(data.readUnsignedShort()).as(type.getName() + " class-file major version (61 = Java 17)").isEqualTo(61);
            }
        }
    }
}
