package com.peaktrade.obs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.testing.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class missing at run time (a jar built without a dependency, as BouncyCastle once was) is
 * a real NoClassDefFoundError in a child JVM whose class path lacks one of our classes: the user
 * sees one line and exit 4, not the JVM's stack trace and exit 1.
 */
class ClassMissingAtRunTimeTest {
    private static final String MISSING = "com/peaktrade/obs/docker/DockerHostDiscovery.class";

    @TempDir
    Path tmp;

    @Test
    void aClassMissingWhenACommandRunsIsOneLineAndExit4() throws Exception {
        Path classes = copyWithout(ownClasses(), tmp.resolve("classes"), MISSING);
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).equals(ownClasses()) ? classes.toString() : entry)
                .collect(Collectors.joining(File.pathSeparator));

        var cli = ChildJvm.run(classPath, Map.of(), tmp, "debug", "ps", "-p", "nothing-here");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(4);
        assertThat(cli.err()).isEqualTo("internal error: NoClassDefFoundError: com/peaktrade/obs/docker/DockerHostDiscovery"
                + " (a bug in peaktrade-obs: rerun with --debug and report the output)\n");
    }

    /** target/classes, as the test class path names it. */
    private static Path ownClasses() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(p -> p.endsWith(Path.of("target", "classes"))).findFirst()
                .orElseThrow(() -> new AssertionError("no target/classes on " + System.getProperty("java.class.path")));
    }

    private static Path copyWithout(Path from, Path to, String left) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = from.relativize(file).toString().replace(File.separatorChar, '/');
                if (relative.equals(left)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        assertThat(to.resolve(left)).doesNotExist();
        return to;
    }

}
