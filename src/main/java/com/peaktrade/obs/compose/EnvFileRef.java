package com.peaktrade.obs.compose;

/** A service env_file entry: a path as written (resolved against the project dir) and whether it must exist. */
record EnvFileRef(String path, boolean required) {
}
