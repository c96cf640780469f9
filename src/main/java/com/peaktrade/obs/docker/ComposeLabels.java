package com.peaktrade.obs.docker;

/**
 * The labels docker compose v2 puts on what it creates. We write the same ones so
 * `docker compose -p NAME ps|down` and Docker Desktop see our projects, and we select strictly by
 * them so nothing without our project label is ever touched.
 */
public final class ComposeLabels {
    public static final String PROJECT = "com.docker.compose.project";
    public static final String SERVICE = "com.docker.compose.service";
    public static final String CONTAINER_NUMBER = "com.docker.compose.container-number";
    public static final String ONEOFF = "com.docker.compose.oneoff";
    public static final String CONFIG_HASH = "com.docker.compose.config-hash";
    public static final String CONFIG_FILES = "com.docker.compose.project.config_files";
    public static final String WORKING_DIR = "com.docker.compose.project.working_dir";
    public static final String DEPENDS_ON = "com.docker.compose.depends_on";
    public static final String IMAGE = "com.docker.compose.image";
    public static final String VERSION = "com.docker.compose.version";
    public static final String NETWORK = "com.docker.compose.network";
    public static final String VOLUME = "com.docker.compose.volume";
    /** Which tool created it (docker compose writes its own version under VERSION). */
    public static final String CREATED_BY = "org.peaktrade.obs.created-by";

    /** The compose version we claim: v2 semantics (dash-separated names). */
    public static final String COMPOSE_VERSION = "2.29.0";

    private ComposeLabels() {
    }

    public static String projectFilter(String project) {
        return PROJECT + "=" + project;
    }
}
