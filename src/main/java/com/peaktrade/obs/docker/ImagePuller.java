package com.peaktrade.obs.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.PullResponseItem;
import com.peaktrade.obs.compose.ComposeProject;
import com.peaktrade.obs.error.EnvironmentException;
import com.fasterxml.jackson.databind.JsonNode;
import com.peaktrade.obs.http.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes sure an image is present: inspect, else pull with progress; a failed pull names the override variable. */
final class ImagePuller {
    private final EngineCalls calls;

    ImagePuller(EngineCalls calls) {
        this.calls = calls;
    }

    /** The local image id, pulling the image first when it is missing. */
    String ensure(String image, ComposeProject project, UpListener listener) {
        Optional<JsonNode> present = inspect(image);
        if (present.isPresent()) {
            if (present.get().path("Config").path("Labels").has(TESTBED_LABEL)) {
                listener.step("image " + image + " is an offline testbed build (scripts/testbed.sh), not the upstream image");
            }
            return Json.text(present.get(), "Id");
        }
        listener.step("pulling " + image);
        try {
            calls.run("pull image " + image, docker -> pull(docker, image, listener));
        } catch (EnvironmentException e) {
            // the engine's or the registry's refusal is about the image; a lost connection is not
            if (e.getCause() instanceof DockerException || e.getCause() instanceof DockerClientException) {
                throw notPullable(image, project, DockerEngine.rootMessage(e.getCause()), e.getCause());
            }
            throw e;
        }
        return inspect(image).map(i -> Json.text(i, "Id")).orElseThrow(() -> notPullable(image, project, "the engine reported no error but has no image", null));
    }

    /** Images built by scripts/testbed.sh carry this label (offline machines, CI). */
    static final String TESTBED_LABEL = "org.peaktrade.testbed.recipe";

    /**
     * The engine's inspect answer as a JSON tree (id and labels in one call; docker-java's image
     * model costs a cold start more than the call), empty when the image is not here.
     */
    private Optional<JsonNode> inspect(String image) {
        return calls.findJson("inspect image " + image, "/images/" + URLEncoder.encode(image, StandardCharsets.UTF_8) + "/json");
    }

    private static void pull(DockerClient docker, String image, UpListener listener) {
        String repository = image;
        String tag = null;
        int at = image.indexOf('@');
        int colon = image.lastIndexOf(':');
        if (at < 0 && colon > image.lastIndexOf('/')) {
            repository = image.substring(0, colon);
            tag = image.substring(colon + 1);
        }
        var cmd = docker.pullImageCmd(repository);
        if (tag != null) {
            cmd.withTag(tag);
        } else if (at < 0) {
            cmd.withTag("latest");
        }
        Map<String, long[]> layers = new ConcurrentHashMap<>();
        var callback = cmd.exec(new ResultCallback.Adapter<PullResponseItem>() {
            @Override
            public void onNext(PullResponseItem item) {
                if (item.getId() != null && item.getProgressDetail() != null
                        && item.getProgressDetail().getTotal() != null && item.getProgressDetail().getCurrent() != null) {
                    layers.put(item.getId(), new long[] {item.getProgressDetail().getCurrent(),
                        item.getProgressDetail().getTotal()});
                }
                long current = layers.values().stream().mapToLong(v -> v[0]).sum();
                long total = layers.values().stream().mapToLong(v -> v[1]).sum();
                listener.pullProgress(image, current, total, item.getStatus());
            }
        });
        try {
            callback.awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvironmentException("pull of " + image + " interrupted", "rerun up", e);
        }
    }

    private static EnvironmentException notPullable(String image, ComposeProject project, String why, Throwable cause) {
        String variable = overrideVariable(image, project).orElse(null);
        String hint = variable == null
                ? "pull or build it yourself, or change the image in " + project.configFiles()
                : "set " + variable + " to an image you have (offline machines: `eval \"$(scripts/testbed.sh)\"` "
                        + "or ./install.sh --offline), or pull it yourself";
        return new EnvironmentException("image " + image + " is not present and could not be pulled: " + why, hint, cause);
    }

    /** The variable whose default is this image in the raw compose text, e.g. PEAKTRADE_OBS_GRAFANA_IMAGE. */
    static Optional<String> overrideVariable(String image, ComposeProject project) {
        Pattern pattern = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-)" + Pattern.quote(image) + "\\}");
        for (Path file : project.configFiles()) {
            try {
                Matcher m = pattern.matcher(Files.readString(file));
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            } catch (IOException unreadable) {
                // the hint just gets less specific
            }
        }
        return Optional.empty();
    }
}
