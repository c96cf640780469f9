package com.peaktrade.obs.standin;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The environment of an in-process stand-in on loopback with the schema-check provisioning fixture. */
final class SchemaCheckFixture {
    private SchemaCheckFixture() {
    }

    /** A mutable map, so a test can add what it needs (a sub-path, a stand-in knob). */
    static Map<String, String> environment(Path data, FakePrometheus prometheus, String unreachableUrl)
            throws URISyntaxException {
        Path fixture = resource("/standin/schema-check");
        Map<String, String> env = new HashMap<>();
        env.put("GF_PATHS_PROVISIONING", fixture.resolve("provisioning").toString());
        env.put("GF_PATHS_DATA", data.toString());
        env.put("GF_SERVER_HTTP_ADDR", "127.0.0.1");
        env.put("GF_SERVER_HTTP_PORT", "0");
        env.put("STANDIN_COLD_START_MS", "0");
        env.put("PROMETHEUS_URL", prometheus.uri().toString());
        env.put("UNREACHABLE_URL", unreachableUrl);
        env.put("USER_LAYOUT_DASHBOARDS", resource("/standin/user-layout/dashboards").toString());
        env.put("GENERAL_DASHBOARDS", fixture.resolve("general").toString());
        env.put("MISSING_DASHBOARDS", data.resolve("not-there").toString());
        return env;
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(SchemaCheckFixture.class.getResource(name).toURI());
    }
}
