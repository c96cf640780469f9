package com.peaktrade.obs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Version and git commit, filtered into the jar at build time. */
public final class VersionProvider implements IVersionProvider {
    private static final Properties PROPS = load();

    @Override
    public String[] getVersion() {
        return new String[] {"peaktrade-obs " + version() + " (commit " + commit() + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }

    public static String version() {
        return PROPS.getProperty("version", "unknown");
    }

    public static String commit() {
        String commit = PROPS.getProperty("commit", "");
        if (commit.isBlank() || commit.startsWith("${")) {
            return "unknown";
        }
        return "true".equals(PROPS.getProperty("dirty")) ? commit + "-dirty" : commit;
    }

    private static Properties load() {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/peaktrade-obs-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException ignored) {
            // a jar without the file still runs; it reports "unknown"
        }
        return props;
    }
}
